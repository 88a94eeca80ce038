// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  DATA_MARKER,
  decodePayload,
  encodePayload,
  fillTemplate,
  type SnapshotPayload,
} from './embed';

const payload: SnapshotPayload = {
  version: 1,
  search: '?dataset=d1&sessions=a&sessions=b',
  datasetName: 'Support QA “β” </script>',
  experiments: 2,
  takenAt: '2026-12-06T14:05:00.000Z',
  host: 'api.smith.langchain.com',
  fromDemo: false,
  webApp: 'https://smith.langchain.com',
  appUrl: 'https://versus.example/team/',
  answers: [
    { method: 'GET', url: '/api/v1/datasets/d1', body: null, text: '{"id":"d1","name":"ü"}' },
    {
      method: 'POST',
      url: '/api/v1/datasets/d1/group/runs',
      body: '{"session_ids":["a","b"]}',
      text: JSON.stringify({
        groups: Array.from({ length: 500 }, (_, i) => ({ i, v: 'x'.repeat(40) })),
      }),
    },
  ],
};

describe('snapshot data', () => {
  it('comes back unchanged from its gzip and base64 form, and is compressed', async () => {
    const data = await encodePayload(payload);
    expect(data).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(data.length).toBeLessThan(JSON.stringify(payload).length / 4);
    await expect(decodePayload(data)).resolves.toEqual(payload);
  });

  it('says a damaged file is damaged', async () => {
    const data = await encodePayload(payload);
    await expect(decodePayload(data.slice(0, data.length / 2))).rejects.toThrow(/damaged/);
    await expect(decodePayload('not base64 at all!')).rejects.toThrow(/damaged/);
  });

  it('rejects data of another shape', async () => {
    const other = await encodePayload({ ...payload, version: 2 } as unknown as SnapshotPayload);
    await expect(decodePayload(other)).rejects.toThrow(/another version/);
    const badLink = await encodePayload({ ...payload, appUrl: 42 } as unknown as SnapshotPayload);
    await expect(decodePayload(badLink)).rejects.toThrow(/another version/);
  });

  it('goes into the last data element of the template, which the script before it may name', () => {
    const template = `<script type="module">const m = '${DATA_MARKER}';</script>${DATA_MARKER}</script></body>`;
    const filled = fillTemplate(template, 'QUJD');
    expect(filled).toBe(
      `<script type="module">const m = '${DATA_MARKER}';</script>${DATA_MARKER}QUJD</script></body>`,
    );
    expect(() => fillTemplate('<html></html>', 'QUJD')).toThrow(/no place for data/);
  });
});
