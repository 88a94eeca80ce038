import { MEASURES, measureSince } from '../../lib/perf-marks';
import { afterRender, runSliced, runToEnd } from '../../lib/scheduling';
import { BodyText, type TextLike } from '../body-text';
import { notJsonError, parseJsonText } from '../client';
import { parseGroupMembers, type Span, scanGroupedRuns } from './json-scan';
import { mostExamples, onlySharedExamples, parseSteps, type RawGroup, rawGroupsOf } from './parse';
import type { GroupedRuns } from './schemas';
import { PARSE_BATCH, type StreamedGroupedRuns } from './stream-parse';

/**
 * Progressive parsing of a group/runs response text: a large one is located first
 * (json-scan.ts), its first rows parsed and shown, and the rest parsed in slices.
 */

/** Examples per group in the early result of a large response. */
export const FIRST_ROWS = 60;
/** Responses shorter than this are parsed whole: an early result would not be seen. */
const EARLY_RESULT_MIN_CHARS = 2_000_000;

export interface ParseTextOptions {
  /**
   * Receives an early result (the first FIRST_ROWS examples of each group) before the rest of
   * a large response is parsed. With `sharedExamples` (run-metadata grouping: every group
   * lists the same examples), it holds only the examples already read in every group, so no
   * cell shows "not run" for a run that is merely not read yet.
   */
  onEarlyResult?: (early: GroupedRuns) => void;
  sharedExamples?: boolean;
  /** Stops the parse between slices (a cancelled query does not read on). */
  signal?: AbortSignal;
  /** Texts at least this long are located and read progressively (tests lower it). */
  progressiveFrom?: number;
  /** The same text as read while it downloaded: what it located and parsed is used. */
  streamed?: StreamedGroupedRuns;
}

/** How long a text must be to be located and parsed progressively. */
export function progressiveFrom(options: ParseTextOptions): number {
  return options.progressiveFrom ?? EARLY_RESULT_MIN_CHARS;
}

/**
 * Parses the text of a group/runs response. A large one is located first (json-scan.ts),
 * then parsed example by example in slices, with an early result for the first rows; any
 * text the locator does not expect is parsed whole, with the same errors as before.
 */
export async function parseGroupedRunsText(
  text: TextLike,
  path: string,
  options: ParseTextOptions = {},
): Promise<{ result: GroupedRuns; busyMs: number }> {
  const { streamed } = options;
  // The work done during the download counts as parse time: it is the same work.
  const busy = { ms: streamed?.busyMs ?? 0 };
  const started = performance.now();
  const progressive = text.length >= progressiveFrom(options);
  const scanned = !progressive ? null : streamed ? streamed.located(text) : scanGroupedRuns(text);
  if (progressive) measureSince(MEASURES.locate, started);
  if (!scanned) {
    const json = parseJsonText(text.toString(), path);
    const steps = parseSteps(rawGroupsOf(json, path));
    // The page waits for this result: nothing of it is shown yet.
    const result = await runSliced(steps, busy, options.signal, started, 'waited-on');
    return { result, busyMs: busy.ms };
  }
  // Contiguous examples parse as one array: fewer, larger JSON.parse calls.
  const parseSpans = (first: Span, last: Span, count: number): unknown[] => {
    const parsed = streamed?.takeBatch(first, count);
    if (parsed) return parsed;
    try {
      return JSON.parse(arrayOf(text, first.start, last.end)) as unknown[];
    } catch {
      throw notJsonError(text, path);
    }
  };
  // Each group's own members are parsed once, for the early result and the complete one.
  const groupFields = scanned.groups.map((group) => {
    try {
      const fields = parseGroupMembers(group);
      // Located examples are read lazily: the schema sees an empty list in their place.
      if (group.examples !== null) fields.examples = [];
      else if (group.examplesOther !== null) fields.examples = JSON.parse(group.examplesOther);
      return fields;
    } catch {
      throw notJsonError(text, path);
    }
  });
  const rawGroups = (limit: number | null): RawGroup[] =>
    scanned.groups.map((group, g) => {
      const spans = group.examples;
      const shown = spans === null || limit === null ? spans : spans.slice(0, limit);
      return {
        fields: groupFields[g],
        examples: shown === null ? null : inBatches(shown, parseSpans),
      };
    });
  if (options.onEarlyResult) {
    const early = runToEnd(parseSteps(rawGroups(FIRST_ROWS)));
    const total = scanned.groups.reduce((n, g) => Math.max(n, g.examples?.length ?? 0), 0);
    const trimmed = options.sharedExamples ? onlySharedExamples(early) : early;
    busy.ms += performance.now() - started;
    const shown = mostExamples(trimmed.groups);
    measureSince(MEASURES.earlyResult, started);
    if (shown > 0) {
      options.onEarlyResult({
        ...trimmed,
        reading: { examples: shown, of: total, from: 'response' },
      });
    }
    // The page renders and paints the early result before the rest is parsed.
    await afterRender();
    options.signal?.throwIfAborted();
    const result = await runSliced(parseSteps(rawGroups(null)), busy, options.signal);
    return { result, busyMs: busy.ms };
  }
  // Locating a large page is the first slice's work (a page of "Load all": ~17 MB).
  const result = await runSliced(parseSteps(rawGroups(null)), busy, options.signal, started);
  return { result, busyMs: busy.ms };
}

/**
 * `[` + the text's slice + `]`, copied once: a slice of a chunked body over several chunks
 * is joined with its brackets, not joined and then copied again by JSON.parse.
 */
function arrayOf(text: TextLike, start: number, end: number): string {
  return text instanceof BodyText
    ? text.slice(start, end, '[', ']')
    : `[${text.slice(start, end)}]`;
}

/** Examples parsed PARSE_BATCH at a time (a few milliseconds of work, well inside a slice). */
function* inBatches(
  spans: readonly Span[],
  parse: (first: Span, last: Span, count: number) => unknown[],
): Generator<unknown> {
  for (let from = 0; from < spans.length; from += PARSE_BATCH) {
    const to = Math.min(spans.length, from + PARSE_BATCH);
    yield* parse(spans[from] as Span, spans[to - 1] as Span, to - from);
  }
}
