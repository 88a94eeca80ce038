import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { currentSearch, keepSearchInHash, navigateSearch, useUrlSearch } from './use-url-search';

afterEach(() => {
  window.history.replaceState(null, '', '/');
  currentSearch();
  keepSearchInHash(false);
});

describe('the URL store', () => {
  it('reads and writes the query, keeping a hash', () => {
    window.history.replaceState(null, '', '/?a=1#top');
    expect(currentSearch()).toBe('?a=1');
    navigateSearch('?b=2');
    expect(`${window.location.search}${window.location.hash}`).toBe('?b=2#top');
  });

  it('in a snapshot, reads and writes the hash and leaves the query alone', () => {
    window.history.replaceState(null, '', '/viewer.html?x=9#dataset=d&sort=name');
    keepSearchInHash();
    expect(currentSearch()).toBe('?dataset=d&sort=name');
    navigateSearch('?dataset=d&baseline=s2');
    expect(window.location.search).toBe('?x=9');
    expect(window.location.hash).toBe('#dataset=d&baseline=s2');
    window.history.back();
  });

  it('in a snapshot, re-renders on a hash the person typed', () => {
    window.history.replaceState(null, '', '/viewer.html#a=1');
    keepSearchInHash();
    const { result } = renderHook(() => useUrlSearch());
    expect(result.current[0]).toBe('?a=1');
    act(() => {
      window.history.replaceState(null, '', '/viewer.html#a=2');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(result.current[0]).toBe('?a=2');
    act(() => result.current[1]('?a=3'));
    expect([result.current[0], window.location.hash]).toEqual(['?a=3', '#a=3']);
  });

  it('in a snapshot, a skip link’s jump (#main) keeps the view', () => {
    window.history.replaceState(null, '', '/viewer.html#dataset=d&sort=name');
    keepSearchInHash();
    expect(currentSearch()).toBe('?dataset=d&sort=name');
    window.history.pushState(null, '', '/viewer.html#main');
    expect(currentSearch()).toBe('?dataset=d&sort=name');
    navigateSearch('?dataset=d');
    expect(window.location.hash).toBe('#dataset=d');
  });
});
