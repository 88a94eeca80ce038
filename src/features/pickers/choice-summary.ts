import type { GroupBy } from '../../api/grouped-runs/request';
import { plural } from '../../lib/plural';

export interface Choice {
  /** The dataset's name; null while it loads. */
  datasetName: string | null;
  sessionCount: number;
  groupBy: GroupBy;
  key: string;
}

/** The folded pickers' one line: "Support QA · 4 experiments · by model". */
export function describeChoice(choice: Choice): string {
  const by =
    choice.groupBy === 'example_metadata'
      ? `by ${choice.key} (example metadata)`
      : `by ${choice.key}`;
  return [choice.datasetName ?? 'Dataset', plural(choice.sessionCount, 'experiment'), by].join(
    ' · ',
  );
}
