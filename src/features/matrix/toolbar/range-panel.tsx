import type { FeedbackKeyInfo, FilterSpec } from '../model/types';

/** Per numeric key, a min and max score a row must reach in some visible cell. */
export function RangePanel({
  filter,
  setFilter,
  keys,
}: {
  filter: FilterSpec;
  setFilter: (patch: Partial<FilterSpec>) => void;
  keys: FeedbackKeyInfo[];
}) {
  const numeric = keys.filter((k) => k.kind === 'numeric');
  if (numeric.length === 0) return null;
  const rangeOf = (key: string) => filter.ranges.find((r) => r.key === key);
  const setBound = (key: string, bound: 'min' | 'max', raw: string) => {
    const value = raw.trim() === '' ? null : Number(raw);
    if (value !== null && !Number.isFinite(value)) return;
    const current = rangeOf(key) ?? { key, min: null, max: null };
    const next = { ...current, [bound]: value };
    const others = filter.ranges.filter((r) => r.key !== key);
    setFilter({ ranges: next.min === null && next.max === null ? others : [...others, next] });
  };
  return (
    <details className="disclosure">
      <summary className="button">
        Score ranges{filter.ranges.length ? ` (${filter.ranges.length})` : ''}
      </summary>
      <div className="disclosure__panel">
        {numeric.map((k) => (
          <fieldset key={k.key} className="range">
            <legend>{k.key}</legend>
            <label>
              min{' '}
              <input
                type="number"
                step="any"
                className="input input--narrow"
                defaultValue={rangeOf(k.key)?.min ?? ''}
                onBlur={(e) => setBound(k.key, 'min', e.target.value)}
              />
            </label>
            <label>
              max{' '}
              <input
                type="number"
                step="any"
                className="input input--narrow"
                defaultValue={rangeOf(k.key)?.max ?? ''}
                onBlur={(e) => setBound(k.key, 'max', e.target.value)}
              />
            </label>
          </fieldset>
        ))}
      </div>
    </details>
  );
}
