import type { ViewState } from '../view-params';

/**
 * The URL parameters that name something in the data (a group, a feedback key) can only be
 * checked once the data is in. One that names nothing in it
 * is dropped from the URL with a notice, as an unusable parameter of any other kind is,
 * instead of the page quietly showing something else (or, for `group`, nothing at all).
 * (`sliceBy` and `cluster` name example metadata: the statistics panel says in place that no
 * loaded example has the key, as "Load all" may yet bring one.)
 */

export type DataParams = Pick<ViewState, 'group' | 'chartKey' | 'statsKey'>;

/** What the loaded data offers, as the panels read it. */
export interface DataFacts {
  /** The grouping metadata key (`key=`), for the wording. */
  groupKey: string;
  /** Every group's value as text, as `group=` holds it. */
  groups: readonly string[];
  /** The numeric feedback keys the feedback chart can show. */
  chartKeys: readonly string[];
  /** The keys the statistics panel can compare (scored feedback keys and the run metrics). */
  statsKeys: readonly string[];
}

export interface ParamCheck {
  /** Clears every unusable parameter; empty when all are usable. */
  patch: Partial<DataParams>;
  notices: string[];
}

const MAX_NAMED = 8;

const quote = (text: string) => `"${text.length > 40 ? `${text.slice(0, 39)}…` : text}"`;

/** "a, b, c" (at most eight, then how many more). */
function listOf(names: readonly string[]): string {
  const shown = names.slice(0, MAX_NAMED).join(', ');
  return names.length > MAX_NAMED ? `${shown} and ${names.length - MAX_NAMED} more` : shown;
}

export function checkDataParams(view: DataParams, facts: DataFacts): ParamCheck {
  const patch: Partial<DataParams> = {};
  const notices: string[] = [];

  if (view.group !== null && !facts.groups.includes(view.group)) {
    patch.group = null;
    notices.push(
      `Ignored group ${quote(view.group)}: no ${facts.groupKey || 'group'} has that value in these experiments, so the matrix shows every group.`,
    );
    // The keys below are read from the matrix, which showed no group: they are checked
    // again once it shows every group.
    return { patch, notices };
  }
  if (view.chartKey !== null && !facts.chartKeys.includes(view.chartKey)) {
    patch.chartKey = null;
    notices.push(
      facts.chartKeys.length > 0
        ? `Ignored chartKey ${quote(view.chartKey)}: not a numeric feedback key of these experiments; use ${listOf(facts.chartKeys)}.`
        : `Ignored chartKey ${quote(view.chartKey)}: these experiments have no numeric feedback key.`,
    );
  }
  // No keys at all: the statistics have nothing to compare yet, and say so themselves.
  if (
    view.statsKey !== null &&
    facts.statsKeys.length > 0 &&
    !facts.statsKeys.includes(view.statsKey)
  ) {
    patch.statsKey = null;
    notices.push(
      `Ignored statsKey ${quote(view.statsKey)}: not a scored feedback key or metric of these experiments; use ${listOf(facts.statsKeys)}.`,
    );
  }
  return { patch, notices };
}
