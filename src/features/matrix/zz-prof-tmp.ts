import { buildMatrix } from './pivot';
import { syntheticGroups } from './test-fixtures';
const ids = Array.from({ length: 8 }, (_, i) => `${i}0000000-0000-4000-8000-000000000000`);
const groups = syntheticGroups(10000, ids, 2);
for (let k = 0; k < 5; k++) {
  const s = performance.now();
  buildMatrix(groups, { groupBy: 'run_metadata', sessionOrder: ids });
  console.log((performance.now() - s).toFixed(1));
}
