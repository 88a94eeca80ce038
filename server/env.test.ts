// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clientConfig, parseDuration, proxyTarget, readServerConfig, webAppUrl } from './env';

describe('readServerConfig', () => {
  it('is demo mode without an endpoint', () => {
    const config = readServerConfig({ LANGSMITH_API_KEY: 'k' });
    expect(config.mode).toBe('demo');
    expect(clientConfig(config)).toEqual({ source: 'demo' });
  });

  it('reads the SDK variable names and tells the browser only the host', () => {
    const config = readServerConfig({
      LANGSMITH_ENDPOINT: 'https://api.smith.langchain.com',
      LANGSMITH_API_KEY: 'secret',
      LANGSMITH_WORKSPACE_ID: '11111111-2222-4333-8444-555555555555',
    });
    expect(config).toMatchObject({ mode: 'live', apiKey: 'secret', problems: [] });
    expect(clientConfig(config)).toEqual({
      source: 'live',
      host: 'api.smith.langchain.com',
      webApp: 'https://smith.langchain.com',
    });
  });

  it('per-user mode never keeps a server key', () => {
    const config = readServerConfig({
      LANGSMITH_ENDPOINT: 'https://api.smith.langchain.com',
      LANGSMITH_API_KEY: 'secret',
      VERSUS_AUTH: 'per-user',
    });
    expect(config.mode).toBe('per-user');
    expect(config.apiKey).toBeUndefined();
    expect(config.warnings).toHaveLength(1);
    expect(clientConfig(config, true)).toEqual({
      source: 'live',
      host: 'api.smith.langchain.com',
      webApp: 'https://smith.langchain.com',
      auth: 'per-user',
      signedIn: true,
    });
  });

  it.each([
    ['per-user without an endpoint', { VERSUS_AUTH: 'per-user' }],
    ['an unknown auth mode', { VERSUS_AUTH: 'none' }],
    ['a host with a scheme', { VERSUS_ALLOWED_HOSTS: 'https://versus.example.com' }],
    ['a host with a port', { VERSUS_ALLOWED_HOSTS: 'versus.example.com:443' }],
    ['a host wildcard', { VERSUS_ALLOWED_HOSTS: '*' }],
    ['an unreadable session age', { VERSUS_SESSION_MAX_AGE: 'forever' }],
    ['a workspace that is not a UUID', { LANGSMITH_WORKSPACE_ID: 'ws\r\nx-evil: 1' }],
  ])('refuses to start with %s', (_name, env) => {
    expect(readServerConfig(env).problems).toHaveLength(1);
  });

  it.each(['ftp://example.com', 'not a url', 'https://user:pass@example.com'])(
    'falls back to demo mode, saying why, for the endpoint %s',
    (endpoint) => {
      const config = readServerConfig({ LANGSMITH_ENDPOINT: endpoint });
      expect(config.mode).toBe('demo');
      expect(config.endpointProblem).toEqual(expect.any(String));
    },
  );

  it('reads VERSUS_ALLOWED_HOSTS as a comma-separated list of names', () => {
    expect(
      readServerConfig({ VERSUS_ALLOWED_HOSTS: ' Versus.Example.com, .corp.example ,' })
        .allowedHosts,
    ).toEqual(['versus.example.com', '.corp.example']);
  });
});

describe('parseDuration (VERSUS_SESSION_MAX_AGE)', () => {
  it.each([
    [undefined, 12 * 3_600_000],
    ['', 12 * 3_600_000],
    ['90', 90_000],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['12h', 43_200_000],
    ['1.5h', 5_400_000],
    ['7d', 604_800_000],
  ])('%s -> %i ms', (value, ms) => {
    expect(parseDuration(value)).toBe(ms);
  });

  it.each(['0', '0.5s', '-1h', '31d', '12 hours', 'h'])('refuses %s', (value) => {
    expect(parseDuration(value)).toBeNull();
  });
});

describe('proxyTarget', () => {
  it.each([
    ['https://api.smith.langchain.com', 'https://api.smith.langchain.com'],
    ['https://api.smith.langchain.com/', 'https://api.smith.langchain.com'],
    ['https://ls.example.com/api/v1', 'https://ls.example.com'],
    ['https://ls.example.com/api/v1/', 'https://ls.example.com'],
    ['https://example.com/langsmith', 'https://example.com/langsmith'],
  ])('%s -> %s', (endpoint, target) => {
    expect(proxyTarget(new URL(endpoint))).toBe(target);
  });
});

describe('webAppUrl', () => {
  // The cloud hosts as LangSmith documents its regions; a self-hosted install serves the web
  // app at its own origin and path prefix, the API under `/api` or `/api/v1` below it.
  it.each([
    ['https://api.smith.langchain.com', 'https://smith.langchain.com'],
    ['https://api.smith.langchain.com/', 'https://smith.langchain.com'],
    ['https://eu.api.smith.langchain.com', 'https://eu.smith.langchain.com'],
    ['https://apac.api.smith.langchain.com', 'https://apac.smith.langchain.com'],
    ['https://aws.api.smith.langchain.com', 'https://aws.smith.langchain.com'],
    ['https://langsmith.corp.example/api/v1', 'https://langsmith.corp.example'],
    ['https://langsmith.corp.example/api', 'https://langsmith.corp.example'],
    ['https://corp.example/langsmith/api/v1/', 'https://corp.example/langsmith'],
    ['http://10.0.0.5:1984', 'http://10.0.0.5:1984'],
    ['https://smith.langchain.com.evil.example', 'https://smith.langchain.com.evil.example'],
  ])('%s -> %s', (endpoint, web) => {
    expect(webAppUrl(new URL(endpoint))).toBe(web);
  });
});
