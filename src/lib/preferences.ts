import { useCallback, useSyncExternalStore } from 'react';

/**
 * Per-browser display preferences (not part of a shared view, so not in the URL): theme and
 * density, kept in localStorage and shared by every component through one store.
 */
export type ThemePreference = 'system' | 'light' | 'dark';
export type Density = 'comfortable' | 'compact';

export interface Preferences {
  theme: ThemePreference;
  density: Density;
}

const STORAGE_KEY = 'versus:preferences';
const DEFAULTS: Preferences = { theme: 'system', density: 'comfortable' };
const listeners = new Set<() => void>();
let current: Preferences = read();

function read(): Preferences {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<Preferences>) : {};
    return {
      theme: ['system', 'light', 'dark'].includes(parsed.theme as string)
        ? (parsed.theme as ThemePreference)
        : DEFAULTS.theme,
      density: parsed.density === 'compact' ? 'compact' : 'comfortable',
    };
  } catch {
    return DEFAULTS;
  }
}

export function applyTheme(theme: ThemePreference): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function setPreferences(patch: Partial<Preferences>): void {
  current = { ...current, ...patch };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(current));
  } catch {
    // Storage may be full or blocked; the choice still holds for this page.
  }
  applyTheme(current.theme);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePreferences(): [Preferences, (patch: Partial<Preferences>) => void] {
  const prefs = useSyncExternalStore(
    subscribe,
    () => current,
    () => DEFAULTS,
  );
  return [prefs, useCallback((patch: Partial<Preferences>) => setPreferences(patch), [])];
}

/** Applied before the first render so the page never flashes the other theme. */
export function initPreferences(): void {
  current = read();
  applyTheme(current.theme);
}
