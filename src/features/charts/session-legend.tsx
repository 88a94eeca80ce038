import { distinctNames } from '../../lib/distinct-names';
import type { ChartSession, SeriesSpec } from './chart-data';
import { PatternSwatch } from './chart-patterns';

const PATTERN_WORDS = { solid: 'solid', hatch: 'hatched', dots: 'dotted' } as const;

/**
 * Sessions as toggle buttons (pressed = shown), in bar order, plus a key of the bar patterns
 * so that p99, completion and unsplit totals are told apart without colour.
 */
export function SessionLegend({
  idPrefix,
  sessions,
  series,
  onToggle,
}: {
  idPrefix: string;
  sessions: readonly ChartSession[];
  series: readonly SeriesSpec[];
  onToggle: (sessionId: string) => void;
}) {
  // The part of each name that tells it apart, never cut; the whole name is read out and shown
  // on hover.
  const shown = distinctNames(sessions.map((s) => s.name));
  return (
    <div className="charts-legend">
      <fieldset className="charts-legend__sessions">
        <legend className="visually-hidden">Sessions shown in the chart</legend>
        {sessions.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className="charts-legend__session"
            aria-pressed={!s.hidden}
            title={s.hidden ? `Show ${s.name}` : `Hide ${s.name}`}
            onClick={() => onToggle(s.id)}
          >
            <span
              className="charts-legend__dot"
              style={{ background: s.hidden ? 'transparent' : s.color, borderColor: s.color }}
              aria-hidden="true"
            />
            <span
              className={`charts-legend__name${s.hidden ? ' charts-legend__name--hidden' : ''}`}
            >
              {shown[i] === s.name ? (
                s.name
              ) : (
                <>
                  <span aria-hidden="true">{shown[i]}</span>
                  <span className="visually-hidden">{s.name}</span>
                </>
              )}
            </span>
          </button>
        ))}
      </fieldset>
      {series.length > 1 ? (
        <ul className="charts-legend__key" aria-label="Bar patterns">
          {series.map((item) => (
            <li key={item.id}>
              <PatternSwatch
                idPrefix={`${idPrefix}-${item.id}`}
                pattern={item.pattern}
                color="currentColor"
              />
              {PATTERN_WORDS[item.pattern]} = {item.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
