import { sendGroupedRunsEarly } from '../api/grouped-runs/send-early';
import { type DataSource, needsSignIn } from '../lib/data-source';
import { pageRequest } from './comparison/grouped-request';
import { isComplete, parseView } from './view-params';

/**
 * A link to a comparison: its group/runs requests leave as soon as the data source is known,
 * while the rest of the app's code loads and evaluates (the page's query takes them over).
 * Live data only: demo data is answered by a service worker that starts with the app.
 */
export function requestViewEarly(source: DataSource, search: string): void {
  if (source.source !== 'live' || needsSignIn(source)) return;
  const { view } = parseView(search);
  if (isComplete(view)) sendGroupedRunsEarly(view.dataset, pageRequest(view));
}
