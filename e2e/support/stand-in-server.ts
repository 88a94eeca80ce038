import { createStandIn } from '../../server/stand-in';
import { generateDemoWorkspace } from '../../src/mocks/generator';

/** Started by Playwright's webServer: LangSmith for the live-mode project. */
const port = Number(process.env.STAND_IN_PORT ?? 4180);
// The running experiment's clock stands still until a test moves it (POST /__stand-in/clock).
let now = Date.UTC(2026, 11, 6, 10);
const { server } = createStandIn({
  store: generateDemoWorkspace(undefined, { clock: () => now }),
  advanceClock: (ms) => {
    now += ms;
  },
  // One key (live mode) or several, comma-separated (per-user mode: one per person).
  apiKey: (process.env.STAND_IN_API_KEY ?? '').split(',').filter(Boolean),
});
server.listen(port, '127.0.0.1', () => {
  console.log(`LangSmith stand-in on http://127.0.0.1:${port}`);
});
