import type { GroupedRunsRequest } from '../../api/grouped-runs/request';
import type { ViewState } from '../view-params';

/** The group/runs request for a slice of the view's examples. */
export function requestFor(view: ViewState, offset: number, limit: number): GroupedRunsRequest {
  return {
    session_ids: view.sessions,
    group_by: view.groupBy,
    metadata_key: view.key,
    offset,
    limit,
  };
}

/** The request for the page of examples the view shows; with `all`, the first of every page. */
export function pageRequest(view: ViewState): GroupedRunsRequest {
  const page = view.all ? 1 : view.page;
  return requestFor(view, (page - 1) * view.pageSize, view.pageSize);
}
