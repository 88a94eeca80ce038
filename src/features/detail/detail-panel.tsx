import './detail.css';
import { diffWords } from 'diff';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Example, Run } from '../../api/grouped-runs/schemas';
import { JsonView } from '../../components/json-view';
import { formatCost, formatCount, formatScore, formatSeconds } from '../../lib/format';
import { diffInputs, outputText } from './output-text';

export interface DetailSession {
  id: string;
  name: string;
  color: string;
  isBaseline: boolean;
  runs: Run[];
}

/**
 * One example in full: inputs, reference outputs, metadata, and each session's runs side by
 * side with feedback and a word diff against the baseline. j/k step, Esc closes.
 */
export function DetailPanel({
  example,
  sessions,
  position,
  onClose,
  onStep,
  runLink,
}: {
  example: Example;
  sessions: DetailSession[];
  /** A run's link elsewhere (its trace in LangSmith), shown with the run. */
  runLink?: (run: Run, session: DetailSession) => ReactNode;
  position: { index: number; count: number } | null;
  onClose: () => void;
  onStep: (delta: -1 | 1) => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnFocus = useRef<Element | null>(null);
  // Which runs show their diff, by session and repetition: kept while j/k step through
  // examples, so that reading diffs does not mean pressing the toggle on every example.
  const [diffs, setDiffs] = useState<ReadonlySet<string>>(() => new Set());
  const showDiff = useCallback(
    (slot: string, on: boolean) =>
      setDiffs((prev) => {
        if (prev.has(slot) === on) return prev;
        const next = new Set(prev);
        if (on) next.add(slot);
        else next.delete(slot);
        return next;
      }),
    [],
  );

  useEffect(() => {
    returnFocus.current = document.activeElement;
    return () => {
      if (returnFocus.current instanceof HTMLElement && returnFocus.current.isConnected) {
        returnFocus.current.focus({ preventScroll: true });
      }
    };
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the heading for each example
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), [example.id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      const target = event.target as HTMLElement | null;
      const typing = target?.closest('input, textarea, select, [contenteditable="true"]');
      if (event.key === 'Escape') {
        event.preventDefault();
        onClose();
      } else if (!typing && (event.key === 'j' || event.key === 'k')) {
        event.preventDefault();
        onStep(event.key === 'j' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, onStep]);

  const baseline = sessions.find((s) => s.isBaseline);
  const baselineText = baseline?.runs[0]
    ? outputText(baseline.runs[0].outputs, baseline.runs[0].outputsPreview)
    : null;

  return (
    <aside className="detail" aria-labelledby="detail-title" role="dialog" aria-modal="false">
      <header className="detail__header">
        <h2
          id="detail-title"
          ref={headingRef}
          tabIndex={-1}
          className="detail__title"
          title={example.name}
        >
          {example.name}
        </h2>
        {position ? (
          <span className="detail__position">
            {position.index + 1} of {position.count}
          </span>
        ) : null}
        <div className="detail__nav">
          <button type="button" className="button" onClick={() => onStep(-1)} aria-keyshortcuts="k">
            Previous example
          </button>
          <button type="button" className="button" onClick={() => onStep(1)} aria-keyshortcuts="j">
            Next example
          </button>
          <button type="button" className="button" onClick={onClose} aria-keyshortcuts="Escape">
            Close
          </button>
        </div>
      </header>
      <div className="detail__body">
        <section className="detail__example" aria-label="Example">
          <h3>Inputs</h3>
          <JsonView value={example.inputs} />
          <h3>Reference outputs</h3>
          {example.outputs ? (
            <JsonView value={example.outputs} />
          ) : (
            <p className="cell__muted">none</p>
          )}
          <h3>Metadata</h3>
          {Object.keys(example.metadata).length > 0 ? (
            <JsonView value={example.metadata} />
          ) : (
            <p className="cell__muted">none</p>
          )}
        </section>
        <div className="detail__sessions">
          {sessions.map((session) => (
            <section
              key={session.id}
              className="detail__session"
              aria-label={`${session.name}${session.isBaseline ? ' (baseline)' : ''}`}
              data-session-id={session.id}
              style={{ ['--session-color' as string]: session.color }}
            >
              <h3 className="detail__session-title">
                <span className="swatch" aria-hidden="true" /> {session.name}
                {session.isBaseline ? <span className="tag tag--baseline">Baseline</span> : null}
              </h3>
              {session.runs.length === 0 ? (
                <p className="cell__muted">not run on this example</p>
              ) : null}
              {session.runs.map((run, i) => (
                <RunDetail
                  key={run.id}
                  run={run}
                  label={
                    session.runs.length > 1 ? `Repetition ${i + 1} of ${session.runs.length}` : null
                  }
                  baselineText={session.isBaseline ? null : baselineText}
                  diff={diffs.has(`${session.id}:${i}`)}
                  onDiff={(on) => showDiff(`${session.id}:${i}`, on)}
                  link={runLink?.(run, session)}
                />
              ))}
            </section>
          ))}
        </div>
      </div>
    </aside>
  );
}

function RunDetail({
  run,
  label,
  baselineText,
  diff,
  onDiff,
  link,
}: {
  run: Run;
  link?: ReactNode;
  label: string | null;
  baselineText: string | null;
  /** Show the word diff against the baseline rather than the output. */
  diff: boolean;
  onDiff: (on: boolean) => void;
}) {
  const view = diff && baselineText !== null ? 'diff' : 'output';
  const text = useMemo(
    () => outputText(run.outputs, run.outputsPreview),
    [run.outputs, run.outputsPreview],
  );
  return (
    <article className="run-detail" data-run-id={run.id}>
      {label ? <h4 className="run-detail__label">{label}</h4> : null}
      {link}
      <dl className="run-detail__metrics">
        <div>
          <dt>Status</dt>
          <dd>{run.status}</dd>
        </div>
        <div>
          <dt>Latency</dt>
          <dd>{formatSeconds(run.latency)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>
            {formatCount(run.totalTokens)}
            {run.promptTokens !== null || run.completionTokens !== null
              ? ` (${formatCount(run.promptTokens)} in, ${formatCount(run.completionTokens)} out)`
              : ''}
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatCost(run.totalCost)}</dd>
        </div>
      </dl>
      {run.error ? (
        <pre className="run-detail__error">
          <span className="visually-hidden">Error: </span>
          {run.error}
        </pre>
      ) : null}
      <div className="run-detail__tabs">
        <button
          type="button"
          className="button button--tiny"
          aria-pressed={view === 'output'}
          onClick={() => onDiff(false)}
        >
          Output
        </button>
        {baselineText !== null ? (
          <button
            type="button"
            className="button button--tiny"
            aria-pressed={view === 'diff'}
            onClick={() => onDiff(true)}
          >
            Diff vs baseline
          </button>
        ) : null}
      </div>
      {view === 'diff' && baselineText !== null ? (
        <WordDiff before={baselineText} after={text} />
      ) : run.outputs ? (
        <JsonView value={run.outputs} />
      ) : (
        <p className="run-detail__text">
          {run.outputsPreview ?? <span className="cell__muted">no output</span>}
        </p>
      )}
      <Feedbacks run={run} />
    </article>
  );
}

function Feedbacks({ run }: { run: Run }) {
  if (run.feedbacks.length > 0) {
    return (
      <ul className="run-detail__feedback" aria-label="Feedback">
        {run.feedbacks.map((f) => (
          <li key={f.id}>
            <span className="chip-row__key">{f.key}</span>{' '}
            <span className="chip">
              {f.score !== null ? formatScore(f.score) : valueText(f.value)}
            </span>
            {f.score !== null && f.value !== null && f.value !== undefined ? (
              <span className="cell__muted"> value {valueText(f.value)}</span>
            ) : null}
            {f.comment ? <p className="run-detail__comment">{f.comment}</p> : null}
          </li>
        ))}
      </ul>
    );
  }
  const entries = Object.entries(run.feedback);
  if (entries.length === 0) return <p className="cell__muted">No feedback.</p>;
  return (
    <ul className="run-detail__feedback" aria-label="Feedback">
      {entries.map(([key, stats]) => (
        <li key={key}>
          <span className="chip-row__key">{key}</span>{' '}
          <span className="chip">
            {stats.mean !== null
              ? formatScore(stats.mean)
              : Object.keys(stats.categories).join(', ') || '—'}
          </span>
          {stats.comments.map((c) => (
            <p key={c} className="run-detail__comment">
              {c}
            </p>
          ))}
        </li>
      ))}
    </ul>
  );
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value).slice(0, 200);
  } catch {
    return String(value);
  }
}

function WordDiff({ before, after }: { before: string; after: string }) {
  const parts = useMemo(() => {
    const input = diffInputs(before, after);
    return { list: diffWords(input.before, input.after), cut: input.cut };
  }, [before, after]);
  return (
    <div className="word-diff">
      <p className="visually-hidden">
        Removed words are struck through; added words are underlined.
      </p>
      <p className="word-diff__text">
        {parts.list.map((part, i) =>
          part.added ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no identity but their order
            <ins key={i}>{part.value}</ins>
          ) : part.removed ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <del key={i}>{part.value}</del>
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <span key={i}>{part.value}</span>
          ),
        )}
      </p>
      {parts.cut ? (
        <p className="cell__muted">The diff covers the first 5,000 characters.</p>
      ) : null}
    </div>
  );
}
