import { generateDemoWorkspace } from '../../src/mocks/generator';

/**
 * The demo workspace the browser's worker serves, generated again here from the same seed:
 * tests find ids and expected values from the data itself, not from constants.
 */
export const demo = generateDemoWorkspace();

export function datasetNamed(name: string) {
  const dataset = demo.datasets.find((d) => d.name === name);
  if (!dataset) throw new Error(`no demo dataset named ${name}`);
  return dataset;
}

export function sessionsOf(datasetId: string) {
  return demo.sessions.filter((s) => s.reference_dataset_id === datasetId);
}

export function sessionNamed(datasetId: string, fragment: string) {
  const session = sessionsOf(datasetId).find((s) => s.name.includes(fragment));
  if (!session) throw new Error(`no session matching ${fragment}`);
  return session;
}
