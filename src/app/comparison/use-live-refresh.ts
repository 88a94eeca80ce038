import { useEffect, useRef, useState } from 'react';
import { useExplainError } from '../../api/explain-error';
import {
  afterAnswer,
  afterFailure,
  changedRows,
  IDLE_POLICY,
  type LiveFacts,
  type LivePolicy,
  liveFacts,
  runCountGrew,
} from '../../features/live-refresh/live-policy';
import type { ComparisonView } from './comparison-context';
import type { GroupedData } from './use-grouped-data';

/** How long a changed row stays marked (its flash lasts 2 s). */
const FLASH_MS = 2_500;
const NO_ROWS: ReadonlySet<string> = new Set();
/** A snapshot file's data cannot change: no refresh there, whatever its hash says. */
const CAN_REFRESH = import.meta.env.MODE !== 'snapshot';

/**
 * The live refresh's switch and pace, held before the view's query (which takes the
 * interval). `live=off` in the URL, or the pause button, stops it; React Query does not
 * refetch on an interval while the tab is hidden (`refetchIntervalInBackground` is off).
 */
export function useLiveControl(view: ComparisonView) {
  const [paused, setPaused] = useState(false);
  const [policy, setPolicy] = useState<LivePolicy>(IDLE_POLICY);
  const on = CAN_REFRESH && view.live && !paused && policy.active;
  const refetchInterval: number | false = on ? policy.interval : false;
  return { paused, setPaused, policy, setPolicy, refetchInterval };
}

type LiveControl = ReturnType<typeof useLiveControl>;

/**
 * Reads each answer of the view's page: which experiments still run, whether runs arrived,
 * which rows changed (they flash), and a failed refresh (the last good data stays).
 */
export function useLiveRefresh(view: ComparisonView, control: LiveControl, data: GroupedData) {
  const { page } = data;
  const { setPolicy } = control;
  const explain = useExplainError();
  const facts = useRef<LiveFacts | null>(null);
  const [running, setRunning] = useState<readonly string[]>([]);
  const [changed, setChanged] = useState<ReadonlySet<string>>(NO_ROWS);
  const identity = JSON.stringify([
    view.dataset,
    [...view.sessions].sort(),
    view.groupBy,
    view.key,
    view.page,
    view.pageSize,
  ]);

  // A different view starts over: its first answer is not a change of the last view's.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset keyed on identity only
  useEffect(() => {
    facts.current = null;
    setPolicy(IDLE_POLICY);
    setChanged(NO_ROWS);
  }, [identity, setPolicy]);

  const result = page.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: one step per answer (dataUpdatedAt)
  useEffect(() => {
    if (!result || result.reading) return;
    const next = liveFacts(result.groups, view.sessions);
    const before = facts.current;
    facts.current = next;
    const rows = changedRows(before, next);
    const grew = runCountGrew(before, next);
    setPolicy((p) => afterAnswer(p, next, { grew, rowsChanged: rows.size > 0 }));
    setRunning(next.running);
    if (rows.size === 0) return;
    setChanged(rows);
    const timer = setTimeout(() => setChanged(NO_ROWS), FLASH_MS);
    return () => clearTimeout(timer);
  }, [page.dataUpdatedAt]);

  // A failed refresh keeps the data on screen and asks again later, less often.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one step per failure (errorUpdatedAt)
  useEffect(() => {
    if (page.isError && page.data) setPolicy(afterFailure);
  }, [page.errorUpdatedAt]);

  const failed = page.isError && page.data !== undefined;
  return {
    /** Show the status: refreshing is on, or the user paused it. */
    shown:
      CAN_REFRESH && view.live && (control.policy.active || control.paused) && result !== undefined,
    running,
    changed,
    paused: control.paused,
    pause: () => control.setPaused(true),
    // Resuming asks at once: whatever arrived while paused shows now.
    resume: () => {
      control.setPaused(false);
      void page.refetch();
    },
    fetching: page.isFetching,
    lastAt: page.dataUpdatedAt,
    everySeconds: Math.round(control.policy.interval / 1000),
    error: failed ? explain(page.error, 'the grouped runs').title : null,
  };
}

export type LiveInfo = ReturnType<typeof useLiveRefresh>;
