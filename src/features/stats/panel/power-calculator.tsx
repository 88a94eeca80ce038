import { useId } from 'react';
import { formatCount } from '../../../lib/format';
import { examplesNeeded } from '../../../lib/statistics/power';
import { formatMagnitude, unitName } from '../model/format-stats';
import type { KeyStats } from '../model/types';

/**
 * "How many examples to detect a difference of d?": the analyst types the difference they
 * care about; each session's row gets the examples needed at 80% power, α 0.05, and the
 * verdicts say whether this eval could have seen it.
 */
export function PowerCalculator({
  stats,
  value,
  onChange,
}: {
  stats: KeyStats;
  value: string;
  onChange: (value: string) => void;
}) {
  const inputId = useId();
  const hintId = useId();
  const binary = stats.kind === 'binary';
  const d = parseCareAbout(value, binary);
  const invalid = value.trim() !== '' && d === null;
  return (
    <div className="stats-power">
      <div className="field">
        <label htmlFor={inputId}>Difference you care about ({unitName(stats)})</label>
        <input
          id={inputId}
          className="input stats-power__input"
          type="text"
          inputMode="decimal"
          value={value}
          aria-describedby={hintId}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <p id={hintId} className="stats-power__result" aria-live="polite">
        {invalid
          ? 'Type a positive number, e.g. 3 for three points.'
          : d === null
            ? 'Type a difference to see how many examples would detect it (80% power, α 0.05).'
            : `${neededText(stats, d)} to detect ${formatMagnitude(d, stats)}.`}
      </p>
    </div>
  );
}

function neededText(stats: KeyStats, d: number): string {
  return stats.comparisons
    .map((r) => {
      // SE·√n is the spread per example, clustering included (SE is cluster-robust).
      const n = r.se === null ? null : examplesNeeded(d, r.se * Math.sqrt(Math.max(1, r.n)));
      return `${r.name}: ${n === null ? 'not enough data' : `${formatCount(n)} examples`}`;
    })
    .join('; ');
}

/** The typed difference in the key's units (0/1 keys: points → share); null if unusable. */
export function parseCareAbout(text: string, binary: boolean): number | null {
  const trimmed = text
    .trim()
    .replace(',', '.')
    .replace(/\s*(pp|%)$/i, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  if (!Number.isFinite(n) || n <= 0) return null;
  return binary ? n / 100 : n;
}
