import { describe, expect, it } from 'vitest';
import { describeSource, isPerUser, needsSignIn, readConfig, readWebBase } from './data-source';

describe('readConfig', () => {
  it.each([
    [{ source: 'demo' }, { source: 'demo' }],
    [
      { source: 'live', host: 'h' },
      { source: 'live', host: 'h' },
    ],
    [
      { source: 'live', host: 'h', auth: 'per-user', signedIn: true },
      { source: 'live', host: 'h', perUser: { signedIn: true } },
    ],
    [
      { source: 'live', host: 'h', auth: 'per-user', signedIn: 'yes' },
      { source: 'live', host: 'h', perUser: { signedIn: false } },
    ],
    [
      { source: 'live', host: 'h', webApp: 'https://smith.langchain.com' },
      { source: 'live', host: 'h', webApp: 'https://smith.langchain.com' },
    ],
    [
      { source: 'live', host: 'h', webApp: 'https://corp.example/langsmith/' },
      { source: 'live', host: 'h', webApp: 'https://corp.example/langsmith' },
    ],
    [
      { source: 'live', host: 'h', webApp: 'javascript:alert(1)' },
      { source: 'live', host: 'h' },
    ],
    [
      { source: 'live', host: 'h', webApp: 'https://user:pw@smith.langchain.com' },
      { source: 'live', host: 'h' },
    ],
    [{ source: 'live' }, { source: 'demo' }],
    [null, { source: 'demo' }],
    ['live', { source: 'demo' }],
  ])('%j -> %j', (body, source) => {
    expect(readConfig(body)).toEqual(source);
  });

  it('shows the sign-in form only in per-user mode, signed out', () => {
    const signedOut = readConfig({ source: 'live', host: 'h', auth: 'per-user', signedIn: false });
    const signedIn = readConfig({ source: 'live', host: 'h', auth: 'per-user', signedIn: true });
    expect(needsSignIn(signedOut)).toBe(true);
    expect(needsSignIn(signedIn)).toBe(false);
    expect(needsSignIn({ source: 'live', host: 'h' })).toBe(false);
    expect(needsSignIn({ source: 'demo' })).toBe(false);
    expect(isPerUser(signedIn)).toBe(true);
    expect(isPerUser({ source: 'live', host: 'h' })).toBe(false);
    expect(describeSource(signedIn)).toBe('Live: h');
  });
});

describe('readWebBase (an address from a config or a snapshot file that becomes a link)', () => {
  it.each([
    ['https://versus.example/team/', { keepPath: true }, 'https://versus.example/team/'],
    ['https://versus.example/team/', {}, 'https://versus.example/team'],
    ['http://127.0.0.1:4173/', { keepPath: true }, 'http://127.0.0.1:4173/'],
    ['javascript:alert(1)', { keepPath: true }, null],
    ['file:///home/me/versus.html', { keepPath: true }, null],
    ['https://versus.example/?dataset=x', { keepPath: true }, null],
    ['https://me:pw@versus.example/', { keepPath: true }, null],
    ['not a url', {}, null],
    [42, {}, null],
  ])('%j %j -> %j', (value, options, expected) => {
    expect(readWebBase(value, options)).toBe(expected);
  });
});
