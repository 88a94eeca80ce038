import type { BarPattern } from './chart-data';

/** Ids must be valid in `url(#…)`: React's useId may contain characters CSS would need escaped. */
export function safeId(raw: string): string {
  return raw.replace(/[^a-zA-Z0-9_-]/g, '');
}

export function patternId(prefix: string, pattern: BarPattern, colorIndex: number): string {
  return `${prefix}-${pattern}-${colorIndex}`;
}

/** The fill for a bar: solid colour, or a pattern so the second series differs without colour. */
export function barFill(prefix: string, pattern: BarPattern, colorIndex: number, color: string) {
  return pattern === 'solid' ? color : `url(#${patternId(prefix, pattern, colorIndex)})`;
}

/** One SVG pattern of the session's colour on a pale ground of the same colour. */
export function PatternDef({
  id,
  pattern,
  color,
}: {
  id: string;
  pattern: Exclude<BarPattern, 'solid'>;
  color: string;
}) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6">
      <rect width="6" height="6" fill={color} fillOpacity="0.25" />
      {pattern === 'hatch' ? (
        <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={color} strokeWidth="1.6" />
      ) : (
        <circle cx="3" cy="3" r="1.4" fill={color} />
      )}
    </pattern>
  );
}

/** Patterns for every session and patterned series of a chart, placed inside its <svg>. */
export function ChartPatternDefs({
  prefix,
  sessions,
  patterns,
}: {
  prefix: string;
  sessions: readonly { colorIndex: number; color: string }[];
  patterns: readonly BarPattern[];
}) {
  return (
    <defs>
      {sessions.flatMap((s) =>
        patterns.map((p) =>
          p === 'solid' ? null : (
            <PatternDef
              key={`${p}-${s.colorIndex}`}
              id={patternId(prefix, p, s.colorIndex)}
              pattern={p}
              color={s.color}
            />
          ),
        ),
      )}
    </defs>
  );
}

/** A small sample of a bar's look for legends and tooltips (decorative: the text says it). */
export function PatternSwatch({
  idPrefix,
  pattern,
  color,
}: {
  idPrefix: string;
  pattern: BarPattern;
  color: string;
}) {
  const id = `${idPrefix}-swatch-${pattern}`;
  return (
    <svg className="charts-swatch" width="14" height="14" aria-hidden="true" focusable="false">
      {pattern === 'solid' ? null : (
        <defs>
          <PatternDef id={id} pattern={pattern} color={color} />
        </defs>
      )}
      <rect
        x="0.5"
        y="0.5"
        width="13"
        height="13"
        fill={pattern === 'solid' ? color : `url(#${id})`}
        stroke={color}
      />
    </svg>
  );
}
