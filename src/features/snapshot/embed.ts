/**
 * The snapshot file's data: the view's answers and facts, gzipped and base64'd into an
 * element of the viewer template that no script runs (the CSP allows no fetch, so the data
 * has to be in the page itself).
 */

export const DATA_ELEMENT_ID = 'versus-snapshot-data';
/** The empty data element the template ends with; the data goes inside the last one. */
export const DATA_MARKER = `<script id="${DATA_ELEMENT_ID}" type="application/octet-stream">`;

export interface SnapshotAnswer {
  method: 'GET' | 'POST';
  url: string;
  body: string | null;
  text: string;
}

export interface SnapshotPayload {
  version: 1;
  /** The view's URL search (`?dataset=…`), which becomes the file's hash. */
  search: string;
  datasetName: string;
  experiments: number;
  /** ISO time the snapshot was taken. */
  takenAt: string;
  /** Where the data came from: the server's LangSmith host, or the demo's server. */
  host: string;
  fromDemo: boolean;
  /** The LangSmith web app's base URL, for the links that stay in the file. */
  webApp?: string;
  /** The Versus page it was taken on (origin and path), for a link to the view there. */
  appUrl?: string;
  answers: SnapshotAnswer[];
}

/**
 * Checked by hand rather than with zod: this module is in the chunk loaded on click, and a
 * zod import here moved zod out of the page's first chunk into a shared one (bytes and a
 * request more at boot).
 */
function isAnswer(value: unknown): value is SnapshotAnswer {
  if (!value || typeof value !== 'object') return false;
  const a = value as Record<string, unknown>;
  return (
    (a.method === 'GET' || a.method === 'POST') &&
    typeof a.url === 'string' &&
    (a.body === null || typeof a.body === 'string') &&
    typeof a.text === 'string'
  );
}

function isPayload(value: unknown): value is SnapshotPayload {
  if (!value || typeof value !== 'object') return false;
  const p = value as Record<string, unknown>;
  return (
    p.version === 1 &&
    typeof p.search === 'string' &&
    typeof p.datasetName === 'string' &&
    Number.isInteger(p.experiments) &&
    (p.experiments as number) >= 0 &&
    typeof p.takenAt === 'string' &&
    typeof p.host === 'string' &&
    typeof p.fromDemo === 'boolean' &&
    (p.webApp === undefined || typeof p.webApp === 'string') &&
    (p.appUrl === undefined || typeof p.appUrl === 'string') &&
    Array.isArray(p.answers) &&
    p.answers.every(isAnswer)
  );
}

async function pipeText(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

const CHUNK = 0x8000;

function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function encodePayload(payload: SnapshotPayload): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(payload));
  return toBase64(await pipeText(json, new CompressionStream('gzip')));
}

/** The payload back, or an error that says the file is damaged (never a half-read view). */
export async function decodePayload(data: string): Promise<SnapshotPayload> {
  let json: unknown;
  try {
    const bytes = await pipeText(fromBase64(data), new DecompressionStream('gzip'));
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new Error('This snapshot file is damaged: its data cannot be read.');
  }
  if (!isPayload(json)) {
    throw new Error('This snapshot file is damaged or from another version of Versus.');
  }
  return json;
}

/** The template with the data inside its (last) data element: one self-contained page. */
export function fillTemplate(template: string, data: string): string {
  const at = template.lastIndexOf(DATA_MARKER);
  if (at < 0) throw new Error('The snapshot viewer of this build has no place for data.');
  const end = at + DATA_MARKER.length;
  return `${template.slice(0, end)}${data}${template.slice(end)}`;
}
