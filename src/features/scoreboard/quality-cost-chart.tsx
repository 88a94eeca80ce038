import {
  CartesianGrid,
  ErrorBar,
  Scatter,
  ScatterChart,
  usePlotArea,
  useXAxisScale,
  useYAxisScale,
  XAxis,
  YAxis,
} from 'recharts';
import { elideMiddle } from '../../lib/distinct-names';
import { sessionColor } from '../../lib/session-colors';
import { formatKeyValue } from './board-format';
import type { TradeoffAxis } from './tradeoff-axes';
import {
  AXIS_TITLES,
  layoutLabels,
  plotHeight,
  type Tradeoff,
  type TradeoffPoint,
} from './tradeoff-model';

const WIDTH = 760;
/** Labels stand in a column right of the plot, joined to their points by leader lines. */
const GUTTER = 200;
const LINE = 18;
const LABEL_CHARS = 24;

export function formatAxis(axis: TradeoffAxis, value: number): string {
  if (axis === 'cost') return value === 0 ? '$0' : `$${value.toPrecision(2)}`;
  if (axis === 'latency') return `${value.toPrecision(3)} s`;
  return `${Math.round(value)}`;
}

function domainOf(values: number[], pad: number, floor?: number): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) {
    lo -= Math.abs(lo) * 0.1 || 1;
    hi += Math.abs(hi) * 0.1 || 1;
  }
  const span = hi - lo;
  lo -= span * pad;
  hi += span * pad;
  return [floor === undefined ? lo : Math.max(floor, lo), hi];
}

/**
 * The scatter: whiskers for the intervals, the frontier as a line, the baseline ringed.
 * Each point is a button (mouse or keyboard) that makes its experiment the candidate.
 */
export function QualityCostChart({
  tradeoff,
  axis,
  labels,
  onPick,
}: {
  tradeoff: Tradeoff;
  axis: TradeoffAxis;
  labels: ReadonlyMap<string, string>;
  onPick: (sessionId: string) => void;
}) {
  const { points, passRate } = tradeoff;
  const height = plotHeight(points.length, LINE);
  const xDomain = domainOf(
    points.map((p) => p.x),
    0.08,
    0,
  );
  const yDomain = passRate
    ? ([0, 1] as [number, number])
    : domainOf(
        points.flatMap((p) => [p.low ?? p.y, p.high ?? p.y]),
        0.05,
      );
  const data = points.map((p) => ({ ...p, whisker: p.whisker ?? [0, 0] }));
  return (
    <div className="board-chart__scroll">
      <ScatterChart
        width={WIDTH}
        height={height}
        margin={{ top: 16, right: GUTTER, bottom: 36, left: 12 }}
        title={`Quality vs ${axis}`}
      >
        <CartesianGrid stroke="var(--border)" />
        <XAxis
          type="number"
          dataKey="x"
          domain={xDomain}
          stroke="var(--text-muted)"
          tickFormatter={(v: number) => formatAxis(axis, v)}
          label={{
            value: AXIS_TITLES[axis],
            position: 'insideBottom',
            offset: -24,
            fill: 'var(--text-muted)',
          }}
        />
        <YAxis
          type="number"
          dataKey="y"
          domain={yDomain}
          width={64}
          stroke="var(--text-muted)"
          tickFormatter={(v: number) => formatKeyValue(v, passRate)}
          label={{
            value: tradeoff.key,
            angle: -90,
            position: 'insideLeft',
            fill: 'var(--text-muted)',
          }}
        />
        <Scatter
          data={tradeoff.frontier}
          line={{ stroke: 'var(--text-muted)', strokeDasharray: '4 3' }}
          shape={() => <g />}
          isAnimationActive={false}
          legendType="none"
        />
        <Scatter
          data={data}
          shape={<PointShape tradeoff={tradeoff} axis={axis} onPick={onPick} />}
          isAnimationActive={false}
        >
          <ErrorBar dataKey="whisker" direction="y" width={6} stroke="var(--text-muted)" />
        </Scatter>
        <PointLabels points={points} labels={labels} />
      </ScatterChart>
    </div>
  );
}

/** A point: recharts clones it with the point's position and data. */
function PointShape(props: {
  tradeoff: Tradeoff;
  axis: TradeoffAxis;
  onPick: (sessionId: string) => void;
  cx?: number;
  cy?: number;
  payload?: TradeoffPoint;
}) {
  const { tradeoff, axis, onPick } = props;
  const passRate = tradeoff.passRate;

  const p = props.payload;
  if (!p || props.cx === undefined || props.cy === undefined) return <g />;
  const name = `${p.name}${p.isBaseline ? ' (baseline)' : ''}: ${formatKeyValue(p.y, passRate)} ${tradeoff.key}, ${formatAxis(axis, p.x)}. ${p.isBaseline ? 'Show the matrix' : 'Show its regressions in the matrix'}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG point cannot be an HTML button
    <g
      role="button"
      tabIndex={0}
      aria-label={name}
      className="board-chart__point"
      onClick={() => onPick(p.id)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onPick(p.id);
        }
      }}
    >
      {p.isBaseline ? (
        <circle
          cx={props.cx}
          cy={props.cy}
          r={10}
          fill="none"
          stroke="var(--text)"
          strokeWidth={2}
        />
      ) : null}
      <circle
        cx={props.cx}
        cy={props.cy}
        r={6}
        fill={sessionColor(p.colorIndex)}
        stroke="var(--surface)"
        strokeWidth={1.5}
      />
    </g>
  );
}

/** Each point's name in the column right of the plot, with a leader line to its point. */
function PointLabels({
  points,
  labels,
}: {
  points: readonly TradeoffPoint[];
  labels: ReadonlyMap<string, string>;
}) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const area = usePlotArea();
  if (!x || !y || !area) return null;
  const at = new Map(points.map((p) => [p.id, { px: x(p.x) ?? 0, py: y(p.y) ?? 0 }]));
  const placed = layoutLabels(
    points.map((p) => ({ id: p.id, y: at.get(p.id)?.py ?? 0 })),
    area.y + 6,
    area.y + area.height,
    LINE,
  );
  const column = area.x + area.width + 16;
  return (
    <g className="board-chart__labels">
      {points.map((p) => {
        const point = at.get(p.id);
        const ly = placed.get(p.id);
        if (!point || ly === undefined) return null;
        return (
          <g key={p.id}>
            <polyline
              points={`${point.px + 7},${point.py} ${column - 8},${ly} ${column - 2},${ly}`}
              fill="none"
              stroke="var(--border)"
            />
            <text x={column} y={ly} dy="0.32em" fill="var(--text)" fontSize={12}>
              {elideMiddle(labels.get(p.id) ?? p.name, LABEL_CHARS)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
