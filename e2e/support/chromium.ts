import { existsSync } from 'node:fs';

/**
 * Debian's Chromium when present (CI and this workplace cannot download Playwright's own),
 * otherwise Playwright's browser after `npx playwright install chromium`. Shared by the e2e
 * suite, the screenshots and the benchmark. The flags keep a closed network quiet.
 */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  return existsSync(SYSTEM_CHROMIUM)
    ? { executablePath: SYSTEM_CHROMIUM, args: CHROMIUM_ARGS }
    : { args: CHROMIUM_ARGS };
}
