import { parseBoardSort } from '../features/scoreboard/board-columns';
import { TRADEOFF_AXES, type TradeoffAxis } from '../features/scoreboard/tradeoff-axes';
import type { ViewState } from './view-params';

const MAX_COLUMN_LENGTH = 262;

/** The scoreboard's sort, per-group blocks and trade-off axis. */
export function readBoard(
  single: (name: string) => string | null,
  ignore: (name: string, notice: string) => void,
  view: ViewState,
  shorten: (value: string) => string,
) {
  const board = single('board');
  if (board) {
    const sort = parseBoardSort(board.slice(0, MAX_COLUMN_LENGTH));
    if (sort) view.board = sort;
    else ignore('board', `Ignored board "${shorten(board)}": name a column.`);
  }
  const groups = single('boardGroups');
  if (groups !== null) {
    if (groups === 'on') view.boardGroups = true;
    else if (groups !== 'off')
      ignore('boardGroups', `Ignored boardGroups "${shorten(groups)}": use on or off.`);
  }
  const tradeoff = single('tradeoff');
  if (tradeoff !== null) {
    if ((TRADEOFF_AXES as readonly string[]).includes(tradeoff))
      view.tradeoff = tradeoff as TradeoffAxis;
    else
      ignore(
        'tradeoff',
        `Ignored tradeoff "${shorten(tradeoff)}": use ${TRADEOFF_AXES.join(', ')}.`,
      );
  }
}
