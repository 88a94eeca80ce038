import { createStandIn } from '../../server/stand-in';
import { generateDemoWorkspace } from '../../src/mocks/generator';

/** Started by Playwright's webServer: LangSmith for the live-mode project. */
const port = Number(process.env.STAND_IN_PORT ?? 4180);
const { server } = createStandIn({
  store: generateDemoWorkspace(),
  // One key (live mode) or several, comma-separated (per-user mode: one per person).
  apiKey: (process.env.STAND_IN_API_KEY ?? '').split(',').filter(Boolean),
});
server.listen(port, '127.0.0.1', () => {
  console.log(`LangSmith stand-in on http://127.0.0.1:${port}`);
});
