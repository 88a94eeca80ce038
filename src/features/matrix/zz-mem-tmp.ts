import { buildMatrix, runPreview } from './pivot';
import { syntheticGroups } from './test-fixtures';
const ids = Array.from({ length: 8 }, (_, i) => `${i}0000000-0000-4000-8000-000000000000`);
const groups = syntheticGroups(10000, ids, 2);
const runs = groups.flatMap((g) => g.examples.flatMap((e) => e.runs));
const g = (globalThis as unknown as { gc: () => void }).gc;
const b: number[] = [], p: number[] = [];
for (let k = 0; k < 12; k++) {
  g(); let t = performance.now(); buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: ids }); b.push(performance.now() - t);
  g(); t = performance.now(); const out = runs.map(runPreview); p.push(performance.now() - t); if (out.length < 1) throw 1;
}
const med = (a: number[]) => a.slice().sort((x, y) => x - y)[a.length >> 1]!.toFixed(0);
const min = (a: number[]) => Math.min(...a).toFixed(0);
console.log('build min/med', min(b), med(b), 'preview-only min/med', min(p), med(p));
