import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';
import { e2ePorts } from './e2e/support/ports';

const launchOptions = chromiumLaunchOptions();

const ports = e2ePorts();
export const DEMO_PORT = ports.demo;
export const LIVE_PORT = ports.live;
export const STAND_IN_PORT = ports.standIn;
/** A fake key: the live-mode tests prove it never reaches the browser. */
export const E2E_API_KEY = 'lsv2_pt_e2e_secret_key_0123456789abcdef';
export const E2E_WORKSPACE_ID = '11111111-2222-4333-8444-555555555555';

// The same command as `npm start` (a raised header limit lets 100 KB links through).
const preview = (port: number) => `npm run preview -- --port ${port} --strictPort`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1440, height: 900 },
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'demo',
      testIgnore: '**/live-*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
    {
      name: 'live',
      testMatch: '**/live-*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${LIVE_PORT}` },
    },
  ],
  webServer: [
    {
      command: preview(DEMO_PORT),
      url: `http://127.0.0.1:${DEMO_PORT}`,
      reuseExistingServer: false,
      env: { LANGSMITH_ENDPOINT: '', LANGSMITH_API_KEY: '' },
    },
    {
      command: `npx tsx e2e/support/stand-in-server.ts`,
      url: `http://127.0.0.1:${STAND_IN_PORT}/__stand-in/health`,
      reuseExistingServer: false,
      env: { STAND_IN_PORT: String(STAND_IN_PORT), STAND_IN_API_KEY: E2E_API_KEY },
    },
    {
      command: preview(LIVE_PORT),
      url: `http://127.0.0.1:${LIVE_PORT}`,
      reuseExistingServer: false,
      env: {
        LANGSMITH_ENDPOINT: `http://127.0.0.1:${STAND_IN_PORT}`,
        LANGSMITH_API_KEY: E2E_API_KEY,
        LANGSMITH_WORKSPACE_ID: E2E_WORKSPACE_ID,
      },
    },
  ],
});
