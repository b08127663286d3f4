import { ABC_CLASSES, LIFECYCLE_STAGES, RFM_SEGMENTS } from '$engine/index';
import {
  DEFAULT_QUERY,
  SORT_COLUMNS,
  type ClientQuery,
  type SortColumn,
} from '$worker/client-list';

/**
 * The Clients view's query in its URL, so a filtered, sorted list can be bookmarked and
 * survives a reload: `?sort=score&dir=desc&tier=vip&abc=A&segment=champions&stage=active
 * &tag=design&churn=1&overdue=1&archived=1&q=li`. Names, not indexes (tiers by their id), so links stay
 * readable; unknown values are ignored.
 */
export function queryFromUrl(params: URLSearchParams, tierIds: readonly string[]): ClientQuery {
  const index = <T extends string>(list: readonly T[], value: string | null): number | null => {
    const at = value === null ? -1 : list.indexOf(value as T);
    return at >= 0 ? at : null;
  };
  const sort = params.get('sort');
  return {
    sort: SORT_COLUMNS.includes(sort as SortColumn) ? (sort as SortColumn) : DEFAULT_QUERY.sort,
    descending: params.get('dir') === 'desc',
    tier: index(tierIds, params.get('tier')),
    abc: index(ABC_CLASSES, params.get('abc')),
    segment: index(RFM_SEGMENTS, params.get('segment')),
    lifecycle: index(LIFECYCLE_STAGES, params.get('stage')),
    tag: params.get('tag') || null,
    churnOnly: params.get('churn') === '1',
    overdueOnly: params.get('overdue') === '1',
    archived: params.get('archived') === '1',
    search: params.get('q') ?? '',
  };
}

/** The search part of the URL for `query` (empty for the default list). */
export function urlFromQuery(query: ClientQuery, tierIds: readonly string[]): string {
  const params = new URLSearchParams();
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  if (query.descending) params.set('dir', 'desc');
  const set = (key: string, value: string | undefined): void => {
    if (value) params.set(key, value);
  };
  if (query.tier !== null) set('tier', tierIds[query.tier]);
  if (query.abc !== null) set('abc', ABC_CLASSES[query.abc]);
  if (query.segment !== null) set('segment', RFM_SEGMENTS[query.segment]);
  if (query.lifecycle !== null) set('stage', LIFECYCLE_STAGES[query.lifecycle]);
  if (query.tag) set('tag', query.tag);
  if (query.churnOnly) params.set('churn', '1');
  if (query.overdueOnly) params.set('overdue', '1');
  if (query.archived) params.set('archived', '1');
  if (query.search) set('q', query.search);
  const search = params.toString();
  return search ? `?${search}` : '';
}
