/**
 * One colour per session, by its position in the URL's display order, shared by the
 * matrix, the legend and the charts. Okabe–Ito first (colour-blind safe), then further
 * distinct hues; colour is never the only cue (names and patterns travel with it).
 */
export const SESSION_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#7F7F7F',
  '#B59E00',
  '#332288',
  '#44AA99',
  '#882255',
  '#117733',
  '#AA4499',
  '#999933',
  '#6699CC',
  '#661100',
  '#DDCC77',
  '#88CCEE',
  '#AA4466',
  '#4477AA',
] as const;

export function sessionColor(index: number): string {
  const n = SESSION_COLORS.length;
  return SESSION_COLORS[((index % n) + n) % n] as string;
}
