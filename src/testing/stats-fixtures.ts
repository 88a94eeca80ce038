/** Builders for statistics tests. */

import { exampleLabels } from '../features/stats/model/labels';
import type {
  Direction,
  ExampleLabels,
  InputKind,
  StatsInput,
} from '../features/stats/model/types';
import { mulberry32 } from '../lib/statistics/prng';

export function makeInput(
  baseline: (number | null)[],
  others: (number | null)[][],
  options: { key?: string; kind?: InputKind; direction?: Direction; total?: number } = {},
): StatsInput {
  return {
    key: options.key ?? 'score',
    kind: options.kind ?? 'numeric',
    direction: options.direction ?? 'higher',
    baseline: { sessionId: 'base', name: 'Baseline run', values: baseline },
    others: others.map((values, i) => ({
      sessionId: `s${i + 1}`,
      name: `Session ${i + 1}`,
      values,
    })),
    exampleCount: baseline.length,
    totalExamples: options.total ?? baseline.length,
  };
}

/** Standard normal draws (Box–Muller) from a seeded generator: deterministic test data. */
export function normals(count: number, seed: number): number[] {
  const random = mulberry32(seed);
  const out: number[] = [];
  while (out.length < count) {
    const u = 1 - random();
    const v = random();
    const r = Math.sqrt(-2 * Math.log(u));
    out.push(r * Math.cos(2 * Math.PI * v), r * Math.sin(2 * Math.PI * v));
  }
  return out.slice(0, count);
}

/** Throws if any number anywhere in a value is NaN or infinite. */
export function assertAllFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      assertAllFinite(v, `${path}[${i}]`);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertAllFinite(v, `${path}.${k}`);
  }
}

/** Example labels from one value per example (null: no value), as metadata would give. */
export function labelsOf(key: string, values: (string | number | null)[]): ExampleLabels {
  return exampleLabels(
    values.map((v) => (v === null ? {} : { [key]: v })),
    key,
  );
}
