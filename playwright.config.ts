import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';
import { e2ePorts } from './e2e/support/ports';

const launchOptions = chromiumLaunchOptions();

const ports = e2ePorts();
export const DEMO_PORT = ports.demo;
export const LIVE_PORT = ports.live;
export const STAND_IN_PORT = ports.standIn;
export const PER_USER_PORT = ports.perUser;
export const PER_USER_STAND_IN_PORT = ports.perUserStandIn;
/** A fake key: the live-mode tests prove it never reaches the browser. */
export const E2E_API_KEY = 'lsv2_pt_e2e_secret_key_0123456789abcdef';
export const E2E_WORKSPACE_ID = '11111111-2222-4333-8444-555555555555';
/** Two people's keys for the per-user server: each must reach LangSmith with their own only. */
export const PER_USER_KEYS = [
  'lsv2_pt_alice_e2e_key_0123456789abcdef',
  'lsv2_pt_bob_e2e_key_fedcba9876543210',
] as const;

/** The production server of `npm start` (built by `npm run build`), never `vite preview`. */
const server = 'node dist-server/main.js';
const serverEnv = (port: number, env: Record<string, string>) => ({
  PORT: String(port),
  HOST: '127.0.0.1',
  LANGSMITH_ENDPOINT: '',
  LANGSMITH_API_KEY: '',
  LANGSMITH_WORKSPACE_ID: '',
  VERSUS_AUTH: '',
  VERSUS_ALLOWED_HOSTS: '',
  ...env,
});
const standIn = (port: number, keys: readonly string[]) => ({
  command: 'npx tsx e2e/support/stand-in-server.ts',
  url: `http://127.0.0.1:${port}/__stand-in/health`,
  reuseExistingServer: false,
  env: { STAND_IN_PORT: String(port), STAND_IN_API_KEY: keys.join(',') },
});

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  // CI's two cores run the browser, the servers and the runner: one worker at a time keeps
  // each walk on a whole core (two workers timed out the longest walks), and the per-test
  // limit leaves those walks room on a slow machine. Speed budgets live in `npm run bench`.
  timeout: process.env.CI ? 60_000 : 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 1,
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
      testIgnore: ['**/live-*.spec.ts', '**/per-user-*.spec.ts'],
      use: { baseURL: `http://127.0.0.1:${DEMO_PORT}` },
    },
    {
      name: 'live',
      testMatch: '**/live-*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${LIVE_PORT}` },
    },
    {
      name: 'per-user',
      testMatch: '**/per-user-*.spec.ts',
      use: { baseURL: `http://127.0.0.1:${PER_USER_PORT}` },
    },
  ],
  webServer: [
    {
      command: server,
      url: `http://127.0.0.1:${DEMO_PORT}/healthz`,
      reuseExistingServer: false,
      env: serverEnv(DEMO_PORT, {}),
    },
    standIn(STAND_IN_PORT, [E2E_API_KEY]),
    {
      command: server,
      url: `http://127.0.0.1:${LIVE_PORT}/healthz`,
      reuseExistingServer: false,
      env: serverEnv(LIVE_PORT, {
        LANGSMITH_ENDPOINT: `http://127.0.0.1:${STAND_IN_PORT}`,
        LANGSMITH_API_KEY: E2E_API_KEY,
        LANGSMITH_WORKSPACE_ID: E2E_WORKSPACE_ID,
      }),
    },
    standIn(PER_USER_STAND_IN_PORT, PER_USER_KEYS),
    {
      command: server,
      url: `http://127.0.0.1:${PER_USER_PORT}/healthz`,
      reuseExistingServer: false,
      env: serverEnv(PER_USER_PORT, {
        LANGSMITH_ENDPOINT: `http://127.0.0.1:${PER_USER_STAND_IN_PORT}`,
        VERSUS_AUTH: 'per-user',
      }),
    },
  ],
});
