import { type KeyboardEvent, useRef } from 'react';
import { CHART_MEASURES, type ChartMeasure, MEASURE_LABELS } from './chart-measures';

export function measureTabId(prefix: string, measure: ChartMeasure): string {
  return `${prefix}-tab-${measure}`;
}

/** WAI-ARIA tabs with a roving tabindex: arrows, Home and End move and select. */
export function MeasureTabs({
  idPrefix,
  panelId,
  measure,
  onChange,
}: {
  idPrefix: string;
  panelId: string;
  measure: ChartMeasure;
  onChange: (measure: ChartMeasure) => void;
}) {
  const refs = useRef(new Map<ChartMeasure, HTMLButtonElement>());

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    const at = CHART_MEASURES.indexOf(measure);
    const last = CHART_MEASURES.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? at === last
          ? 0
          : at + 1
        : event.key === 'ArrowLeft'
          ? at <= 0
            ? last
            : at - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    const target = CHART_MEASURES[next];
    if (target === undefined) return;
    onChange(target);
    refs.current.get(target)?.focus();
  }

  return (
    <div role="tablist" aria-label="Measure" className="charts-tabs">
      {CHART_MEASURES.map((m) => {
        const selected = m === measure;
        return (
          <button
            key={m}
            ref={(el) => {
              if (el) refs.current.set(m, el);
              else refs.current.delete(m);
            }}
            type="button"
            role="tab"
            id={measureTabId(idPrefix, m)}
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            className="charts-tabs__tab"
            onClick={() => onChange(m)}
            onKeyDown={onKeyDown}
          >
            {MEASURE_LABELS[m]}
          </button>
        );
      })}
    </div>
  );
}
