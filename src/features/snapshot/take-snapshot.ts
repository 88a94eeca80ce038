import { downloadText } from '../../lib/download';
import { encodePayload, fillTemplate, type SnapshotPayload } from './embed';
import type { RecordedAnswer } from './recorder';

/**
 * Making the file, on click only (this module loads then): the viewer template from this
 * server, the view's answers gzipped into it, saved as one `.html` download.
 */

/** Built by `npm run build` (vite.snapshot.config.ts) beside the app, served `no-cache`. */
export const VIEWER_PATH = '/snapshot/viewer.html';

export type SnapshotFacts = Omit<SnapshotPayload, 'version' | 'answers' | 'takenAt'>;

/** `versus-support-qa-2026-12-06-1405.html`: letters, digits and dashes only (UTC time). */
export function snapshotFileName(datasetName: string, takenAt: Date): string {
  const slug =
    datasetName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'dataset';
  const iso = takenAt.toISOString();
  const stamp = `${iso.slice(0, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
  return `versus-${slug}-${stamp}.html`;
}

export async function buildSnapshotFile(
  template: string,
  facts: SnapshotFacts,
  answers: readonly RecordedAnswer[],
  takenAt: Date,
): Promise<string> {
  const payload: SnapshotPayload = {
    version: 1,
    ...facts,
    takenAt: takenAt.toISOString(),
    answers: answers.flatMap(({ method, url, body, text }) =>
      text === null ? [] : [{ method, url, body, text: text.toString() }],
    ),
  };
  return fillTemplate(template, await encodePayload(payload));
}

async function loadTemplate(): Promise<string> {
  const response = await fetch(VIEWER_PATH, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok) {
    throw new Error(
      `the snapshot viewer is missing from this server (${response.status}); rebuild with npm run build`,
    );
  }
  return response.text();
}

export async function takeSnapshot(
  facts: SnapshotFacts,
  answers: readonly RecordedAnswer[],
): Promise<{ filename: string; size: number }> {
  const takenAt = new Date();
  const html = await buildSnapshotFile(await loadTemplate(), facts, answers, takenAt);
  const filename = snapshotFileName(facts.datasetName, takenAt);
  downloadText(filename, 'text/html', html);
  return { filename, size: html.length };
}
