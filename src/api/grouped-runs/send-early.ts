import { sendEarly } from '../client';
import {
  buildGroupedRunsBody,
  firstScreenBody,
  type GroupedRunsRequest,
  groupedRunsPath,
} from './request';

/**
 * Sends the requests `groupedRunsQuery` makes for this page (a large page's first screen,
 * then the page), before the code that reads them has loaded: its fetches take them over.
 * A request the spec forbids is not sent; the query says why when it runs.
 */
export function sendGroupedRunsEarly(datasetId: string, request: GroupedRunsRequest): void {
  const built = buildGroupedRunsBody(request);
  if (!built.ok) return;
  const path = groupedRunsPath(datasetId);
  const first = firstScreenBody(built.body);
  if (first) sendEarly('POST', path, first);
  sendEarly('POST', path, built.body);
}
