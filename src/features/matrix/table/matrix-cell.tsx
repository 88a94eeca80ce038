import { memo } from 'react';
import { formatCost, formatCount, formatScore, formatSeconds } from '../../../lib/format';
import { plural } from '../../../lib/plural';
import { CellRunLink } from '../matrix-links';
import { cellDelta, directionOf, metricDelta } from '../model/compare';
import type { CellScore, Delta, MatrixCell } from '../model/types';
import { cellKeys, chipValue, clipPreview } from './matrix-layout';

export interface CellDisplay {
  keys: string[];
  flipped: ReadonlySet<string>;
  showMetrics: boolean;
  /** Compact density: just the scores (the full cell opens on hover or focus). */
  compact: boolean;
  /** Keys whose names are too long for their place and get an ellipsis. */
  clippedKeys?: ReadonlySet<string>;
  /** Characters of the output preview to lay out (matrix-layout previewChars); all if unset. */
  previewChars?: number;
  /**
   * A mean of repetitions shows its spread beside the score when the chip rows have room for
   * it (matrix-layout spreadsFit); otherwise the spread is in the chip's tooltip and read out.
   */
  spreads?: boolean;
}

/** One run cell: preview, one chip per feedback key (with its delta), metrics, error. */
export const MatrixCellContent = memo(function MatrixCellContent({
  cell,
  base,
  display,
}: {
  cell: MatrixCell | undefined;
  /** The baseline's cell on the same example, or null (or this is the baseline). */
  base: MatrixCell | null;
  display: CellDisplay;
}) {
  if (!cell) return <span className="cell__not-run">not run</span>;
  if (display.compact) return <CompactScores cell={cell} base={base} display={display} />;
  const repetitions = cell.runs.length;
  const chips = chipsOf(cell, base, display);
  return (
    <>
      <CellRunLink cell={cell} />
      {cell.error ? (
        <p className="cell__error" title={cell.error}>
          <span className="badge badge--error">Error</span> {cell.error}
        </p>
      ) : null}
      <p className="cell__preview" title={cell.preview}>
        {repetitions > 1 ? <Repetitions count={repetitions} /> : null}
        {clipPreview(cell.preview, display.previewChars) || (
          <span className="cell__muted">no output</span>
        )}
      </p>
      <ul className="cell__chips">
        {chips.shown.map(({ key, score, value, delta }) => (
          <li key={key} className="chip-row">
            <span
              className={`chip-row__key${display.clippedKeys?.has(key) ? ' chip-row__key--clip' : ''}`}
              title={key}
            >
              {key}
            </span>
            <span
              className={`chip${score.label && score.score === null ? ' chip--category' : ''}`}
              data-feedback-key={key}
              title={repetitions > 1 && score.n > 1 ? spreadText(score) : undefined}
            >
              {value}
            </span>
            {repetitions > 1 && score.n > 1 ? (
              <Spread score={score} shown={display.spreads} />
            ) : null}
            {delta ? <DeltaBadge delta={delta} /> : null}
          </li>
        ))}
        <MoreKeys count={chips.more} />
      </ul>
      {display.showMetrics ? (
        // Two lines (METRIC_LINES): latency and tokens, then cost; each fits a default column.
        <p className="cell__metrics">
          <span title={repetitions > 1 ? 'Latency, mean of the runs' : 'Latency'}>
            {formatSeconds(cell.latency)}
          </span>
          {base ? <MetricDelta delta={metricDelta(cell, base, 'latency')} unit="s" /> : null}
          <span aria-hidden="true"> · </span>
          <span title="Total tokens">{formatCount(cell.totalTokens)} tok</span>
          <br />
          <span title={repetitions > 1 ? 'Cost, mean of the runs' : 'Cost'}>
            {formatCost(cell.totalCost)}
          </span>
          {base ? <MetricDelta delta={metricDelta(cell, base, 'cost')} unit="$" /> : null}
        </p>
      ) : null}
    </>
  );
});

/** Scores only, one chip per key; the key names are read out but not shown. */
function CompactScores({
  cell,
  base,
  display,
}: {
  cell: MatrixCell;
  base: MatrixCell | null;
  display: CellDisplay;
}) {
  const chips = chipsOf(cell, base, display);
  return (
    <ul className="cell__compact">
      {cell.error ? (
        <li>
          <span className="badge badge--error" title={cell.error}>
            Error
          </span>
        </li>
      ) : null}
      {chips.shown.map(({ key, value, delta }) => (
        <li key={key} title={key} className="chip-row chip-row--compact">
          <span className="visually-hidden">{key} </span>
          <span className="chip" data-feedback-key={key}>
            {value}
          </span>
          {delta ? <DeltaBadge delta={delta} /> : null}
        </li>
      ))}
      <MoreKeys count={chips.more} />
    </ul>
  );
}

/** The chips a cell shows (both densities): each scored key's value and its change. */
function chipsOf(cell: MatrixCell, base: MatrixCell | null, display: CellDisplay) {
  const { shown, more } = cellKeys(display.keys);
  return {
    shown: shown.flatMap((key) => {
      const score = cell.scores[key];
      if (!score) return [];
      return [
        {
          key,
          score,
          value: chipValue(score),
          delta: base ? cellDelta(cell, base, key, directionOf(key, display.flipped)) : null,
        },
      ];
    }),
    more,
  };
}

/** "3×" before the preview: the cell is the mean of three runs; the preview is the first's. */
function Repetitions({ count }: { count: number }) {
  return (
    <span
      className="cell__reps"
      title={`${count} runs of this example: scores and metrics are their means, the preview is the first run's output`}
    >
      <span aria-hidden="true">{count}×</span>
      <span className="visually-hidden">{count} runs. </span>
    </span>
  );
}

/** A mean score's spread over its runs: shown when its row has room, else read out only. */
function Spread({ score, shown }: { score: CellScore; shown: boolean | undefined }) {
  if (score.spread === null) return null;
  if (!shown) return <span className="visually-hidden"> {spreadText(score)}</span>;
  return (
    <span className="chip-row__spread" title={spreadText(score)}>
      ±{formatScore(score.spread)}
    </span>
  );
}

function spreadText(score: CellScore): string {
  const spread = score.spread === null ? '' : `, spread ±${formatScore(score.spread)}`;
  return `mean of ${plural(score.n, 'scored run')}${spread}`;
}

function MoreKeys({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <li className="chip-row cell__muted" title="Open the example to see every key, or hide keys">
      +{plural(count, 'more key')}
    </li>
  );
}

function signed(value: number): string {
  const text = formatScore(Math.abs(value));
  return `${value > 0 ? '+' : value < 0 ? '−' : '±'}${text}`;
}

const WORDS = { improved: 'better', regressed: 'worse', unchanged: 'unchanged' } as const;

/**
 * "↑+0.10 ✓": the arrow and the mark are CSS generated content with empty alternative text
 * (styles.css), so screen readers hear "+0.10 vs baseline, better" and every badge is two
 * elements, not five (thousands of them render while the matrix scrolls).
 */
export function DeltaBadge({ delta }: { delta: Delta }) {
  const arrow = delta.delta > 0 ? 'up' : delta.delta < 0 ? 'down' : 'level';
  return (
    <span
      className={`delta delta--${delta.change} delta--${arrow}`}
      title={`${signed(delta.delta)} vs baseline (${WORDS[delta.change]})`}
    >
      {signed(delta.delta)}
      <span className="visually-hidden"> vs baseline, {WORDS[delta.change]}</span>
    </span>
  );
}

function MetricDelta({ delta, unit }: { delta: Delta | null; unit: 's' | '$' }) {
  if (!delta || delta.change === 'unchanged') return null;
  const text =
    unit === 's' ? formatSeconds(Math.abs(delta.delta)) : formatCost(Math.abs(delta.delta));
  return (
    <span
      className={`delta delta--${delta.change} delta--metric`}
      title={`vs baseline (${WORDS[delta.change]})`}
    >
      {' '}
      {delta.delta > 0 ? '+' : '−'}
      {text}
      <span className="visually-hidden"> vs baseline, {WORDS[delta.change]}</span>
    </span>
  );
}
