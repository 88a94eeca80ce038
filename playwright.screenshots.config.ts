import { defineConfig } from '@playwright/test';
import base, { DEMO_PORT } from './playwright.config';

/** `npm run screenshots`: the README's pictures, captured from demo data. */
export default defineConfig({
  ...base,
  testDir: 'scripts/screenshots',
  testMatch: '**/*.shots.ts',
  retries: 0,
  projects: [
    { name: 'screenshots', use: { ...base.use, baseURL: `http://127.0.0.1:${DEMO_PORT}` } },
  ],
  webServer: Array.isArray(base.webServer) ? base.webServer[0] : base.webServer,
});
