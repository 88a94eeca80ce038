// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clientConfig, isProxiedPath, proxyOptions, proxyTarget, readLiveEnv } from './live-proxy';

describe('readLiveEnv', () => {
  it('is demo mode without an endpoint', () => {
    expect(readLiveEnv({}).endpoint).toBeNull();
    expect(clientConfig(readLiveEnv({}))).toEqual({ source: 'demo' });
    expect(proxyOptions(readLiveEnv({ LANGSMITH_API_KEY: 'k' }))).toEqual({});
  });

  it('reads the SDK variable names and tells the browser only the host', () => {
    const env = readLiveEnv({
      LANGSMITH_ENDPOINT: 'https://api.smith.langchain.com',
      LANGSMITH_API_KEY: 'secret',
      LANGSMITH_WORKSPACE_ID: 'ws',
    });
    expect(clientConfig(env)).toEqual({ source: 'live', host: 'api.smith.langchain.com' });
    expect(JSON.stringify(clientConfig(env))).not.toContain('secret');
    const options = Object.values(proxyOptions(env))[0];
    expect(options?.headers).toEqual({ 'X-Api-Key': 'secret', 'X-Tenant-Id': 'ws' });
    expect(options?.target).toBe('https://api.smith.langchain.com');
  });

  it.each(['ftp://example.com', 'not a url'])('refuses %s as an endpoint', (endpoint) => {
    const env = readLiveEnv({ LANGSMITH_ENDPOINT: endpoint });
    expect(env.endpoint).toBeNull();
    expect(env.problem).toBeTruthy();
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

describe('isProxiedPath', () => {
  it.each(['/api/v1/datasets', '/api/v1/sessions?reference_dataset=x', '/api/v1'])(
    'forwards %s',
    (p) => {
      expect(isProxiedPath(p)).toBe(true);
    },
  );
  it.each(['/api/v2/datasets', '/api/v10/x', '/api/v1x', '/', '/http://evil/api/v1/'])(
    'keeps %s',
    (p) => {
      expect(isProxiedPath(p)).toBe(false);
    },
  );
});
