// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdleScheduler } from '../../lib/scheduling';
import { createSpecArbitraries, type OpenApiDocument } from '../../testing/openapi-arbitrary';
import { readSpec } from '../../testing/openapi-spec';
import { BodyText } from '../body-text';
import { ApiError } from '../errors';
import { parseGroupedRunsText } from './parse-progressive';
import { PARSE_BATCH, StreamedGroupedRuns } from './stream-parse';

const spec = readSpec<OpenApiDocument>();
const responses = createSpecArbitraries(spec).component('GroupedExamplesWithRunsResponse');

/** The text cut at the given places, as a body arrives in pieces. */
function cutAt(text: string, cuts: readonly number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => text.slice(from, at[i] ?? text.length));
}

/** Batches are parsed at once here, as if every piece came after an idle moment. */
const atOnce: IdleScheduler = (work) => work(() => Number.POSITIVE_INFINITY);

function streamed(pieces: readonly string[], from = 0): StreamedGroupedRuns {
  const stream = new StreamedGroupedRuns(from, atOnce);
  for (const piece of pieces) stream.feed(piece);
  return stream;
}

function examples(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `7c1d2e3f-0000-4a2b-8c3d-${i.toString(16).padStart(12, '0')}`,
    inputs: { question: `q "${i}" \\ ${'x'.repeat(i % 7)}` },
    runs: [],
  }));
}

describe('StreamedGroupedRuns', () => {
  it('leaves the parse reading exactly what it reads without it, however the body is cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        responses,
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.nat({ max: 400 }),
        async (value, cuts, from) => {
          const text = JSON.stringify(value);
          const pieces = cutAt(text, cuts);
          const alone = await parseGroupedRunsText(text, 'group/runs', { progressiveFrom: 0 });
          const withStream = await parseGroupedRunsText(new BodyText(pieces), 'group/runs', {
            progressiveFrom: 0,
            streamed: streamed(pieces, from),
          });
          expect(withStream.result).toEqual(alone.result);
        },
      ),
      { seed: 31, numRuns: 60 },
    );
  });

  it('parses each batch of examples as soon as its last example has arrived', () => {
    const list = examples(PARSE_BATCH * 2 + 5);
    const text = JSON.stringify({ groups: [{ group_key: 'a', examples: list, sessions: [] }] });
    const located = streamed([text]).located(text)?.groups[0]?.examples ?? [];
    expect(located).toHaveLength(list.length);
    // The body has arrived up to the start of the third batch, in small pieces: the first two
    // batches are parsed; the last few examples are left to the parse at the end.
    const cut = (located[PARSE_BATCH * 2] as { start: number }).start;
    const pieces = cutAt(
      text,
      Array.from({ length: 400 }, (_, i) => i * 97),
    );
    const arrived = cutAt(
      text.slice(0, cut),
      Array.from({ length: 400 }, (_, i) => i * 97),
    );
    const stream = streamed(arrived);
    expect(stream.takeBatch(located[0] as never, PARSE_BATCH)).toEqual(list.slice(0, PARSE_BATCH));
    expect(stream.takeBatch(located[PARSE_BATCH] as never, PARSE_BATCH)).toEqual(
      list.slice(PARSE_BATCH, PARSE_BATCH * 2),
    );
    expect(streamed(pieces).takeBatch(located[PARSE_BATCH * 2] as never, 5)).toBeUndefined();
    // Handed over once: the parse keeps what it makes of them, and these can go.
    expect(stream.takeBatch(located[0] as never, PARSE_BATCH)).toBeUndefined();
  });

  it('parses at idle moments, never while reading, and stops once the parse takes over', () => {
    const list = examples(PARSE_BATCH * 3);
    const text = JSON.stringify({ groups: [{ group_key: 'a', examples: list }] });
    const moments: ((timeLeft: () => number) => void)[] = [];
    const stream = new StreamedGroupedRuns(0, (work) => moments.push(work));
    for (const piece of cutAt(
      text,
      Array.from({ length: 200 }, (_, i) => i * 131),
    )) {
      stream.feed(piece);
    }
    const spans = streamed([text]).located(text)?.groups[0]?.examples ?? [];
    // Read to the end; one idle moment asked for, none given yet: nothing parsed.
    expect(moments).toHaveLength(1);
    // A moment with time for one batch parses one, and asks for another for the rest.
    let left = 1;
    moments.shift()?.(() => (left-- > 0 ? 50 : 0));
    expect(moments).toHaveLength(1);
    // The parse takes over: the moment that comes after does nothing.
    expect(stream.located(text)?.groups[0]?.examples).toEqual(spans);
    moments.shift()?.(() => 50);
    expect(stream.takeBatch(spans[0] as never, PARSE_BATCH)).toEqual(list.slice(0, PARSE_BATCH));
    expect(stream.takeBatch(spans[PARSE_BATCH] as never, PARSE_BATCH)).toBeUndefined();
    expect(moments).toHaveLength(0);
  });

  it('parses nothing more once cancelled (a download that broke or was dropped)', () => {
    const list = examples(PARSE_BATCH * 2);
    const text = JSON.stringify({ groups: [{ group_key: 'a', examples: list }] });
    const moments: ((timeLeft: () => number) => void)[] = [];
    const stream = new StreamedGroupedRuns(0, (work) => moments.push(work));
    stream.feed(text);
    stream.cancel();
    for (const moment of moments.splice(0)) moment(() => 50);
    const spans = streamed([text]).located(text)?.groups[0]?.examples ?? [];
    expect(stream.takeBatch(spans[0] as never, PARSE_BATCH)).toBeUndefined();
    expect(moments).toHaveLength(0);
  });

  it("ends a group's last batch where the next group's examples begin", () => {
    const [a, b] = [examples(PARSE_BATCH + 6), examples(PARSE_BATCH + 2)];
    const text = JSON.stringify({
      groups: [
        { group_key: 'a', examples: a, sessions: [] },
        { group_key: 'b', examples: b },
      ],
    });
    const stream = streamed(
      cutAt(
        text,
        Array.from({ length: 300 }, (_, i) => i * 61),
      ),
    );
    const [first, second] = stream.located(text)?.groups ?? [];
    const spans = (g: typeof first) => g?.examples ?? [];
    expect(stream.takeBatch(spans(first)[PARSE_BATCH] as never, 6)).toEqual(a.slice(PARSE_BATCH));
    expect(stream.takeBatch(spans(second)[0] as never, PARSE_BATCH)).toEqual(
      b.slice(0, PARSE_BATCH),
    );
  });

  it('starts only once the body is long enough, and then catches up from the start', () => {
    const list = examples(PARSE_BATCH);
    const text = JSON.stringify({ groups: [{ examples: list, group_key: 'a' }] });
    const half = Math.floor(text.length / 2);
    const short = streamed([text], text.length + 1);
    const span = short.located(text)?.groups[0]?.examples?.[0];
    expect(span).toBeDefined();
    expect(short.takeBatch(span as never, PARSE_BATCH)).toBeUndefined();
    const long = streamed([text.slice(0, half), text.slice(half)], half + 1);
    expect(long.takeBatch(span as never, PARSE_BATCH)).toEqual(list);
  });

  it('stops at an example that is not JSON, and the parse reports it as it would without', async () => {
    const list = examples(PARSE_BATCH + 3);
    const good = JSON.stringify({ groups: [{ group_key: 'a', examples: list }] });
    const text = good.replace('"q \\"2\\"', '"q \\"2\\"" oops');
    expect(text).not.toBe(good);
    const pieces = cutAt(text, [100, 2000, 5000]);
    const alone = parseGroupedRunsText(text, 'group/runs', { progressiveFrom: 0 });
    const withStream = parseGroupedRunsText(new BodyText(pieces), 'group/runs', {
      progressiveFrom: 0,
      streamed: streamed(pieces),
    });
    const [a, b] = await Promise.allSettled([alone, withStream]);
    expect(a.status).toBe('rejected');
    expect(b.status).toBe('rejected');
    const reasonOf = (r: PromiseSettledResult<unknown>) => (r as PromiseRejectedResult).reason;
    expect(reasonOf(b)).toBeInstanceOf(ApiError);
    expect((reasonOf(b) as ApiError).message).toBe((reasonOf(a) as ApiError).message);
  });

  it('answers null for a text that is not a group/runs document, as the locator does', () => {
    for (const text of ['[1, 2]', '{"groups": 3}', '{"groups": [1]}', '{"groups": []} x']) {
      expect(streamed(cutAt(text, [1, 5])).located(text)).toBeNull();
    }
  });
});
