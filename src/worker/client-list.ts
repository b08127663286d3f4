import type { ScoresRecord } from '$db/derived-records';
import { NO_DAY, RFM_SEGMENTS } from '$engine/index';
import { csvLines, csvNumber, csvText } from '$lib/csv';
import type { DirectoryEntry } from './client-directory';

/** Columns the list sorts by. */
export const SORT_COLUMNS = [
  'rank',
  'name',
  'company',
  'tier',
  'abc',
  'score',
  'value',
  'needs',
  'loyalty',
  'potential',
  'rfm',
  'segment',
  'lifecycle',
  'pActive',
  'clv12m',
  'lastPurchase',
  'lastContact',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** What the Clients view asks for; it lives in the page's URL. */
export interface ClientQuery {
  sort: SortColumn;
  descending: boolean;
  /** Index into the model's tier levels. */
  tier: number | null;
  /** 0 = A, 1 = B, 2 = C. */
  abc: number | null;
  /** Index into RFM_SEGMENTS. */
  segment: number | null;
  /** Index into LIFECYCLE_STAGES. */
  lifecycle: number | null;
  tag: string | null;
  churnOnly: boolean;
  /** Clients owing money past its due date on the as-of day only. */
  overdueOnly: boolean;
  /** Archived clients only (they are not ranked, so not listed otherwise, but for a search). */
  archived: boolean;
  /** Matched, case-insensitively, against name, company, email and tags. */
  search: string;
}

export const DEFAULT_QUERY: ClientQuery = {
  sort: 'rank',
  descending: false,
  tier: null,
  abc: null,
  segment: null,
  lifecycle: null,
  tag: null,
  churnOnly: false,
  overdueOnly: false,
  archived: false,
  search: '',
};

export interface ClientListing {
  /** Indexes into the scores record's columns, in list order. */
  indexes: Int32Array;
  /** The scores the indexes refer to (`computedAt` of the scores record). */
  computedAt: string;
}

/**
 * Whether `query` needs names, companies, emails or tags: only then must the directory of
 * every client be loaded (the page reads the names of the rows it shows itself).
 */
export function needsDirectory(query: ClientQuery): boolean {
  return (
    query.archived ||
    query.sort === 'name' ||
    query.sort === 'company' ||
    query.tag !== null ||
    query.search.trim() !== ''
  );
}

/**
 * The ranked clients that pass the filters, sorted; with the `archived` filter, the
 * archived clients instead; with a search, the archived clients it finds after the ranked
 * ones. Missing values (no purchase yet, not modelled) sort last whichever the direction;
 * ties keep rank order (archived clients: name order). `directory` may be empty when
 * `needsDirectory(query)` is false.
 */
export function listClients(
  scores: ScoresRecord,
  directory: ReadonlyMap<string, DirectoryEntry>,
  query: ClientQuery,
  collator: Intl.Collator,
): ClientListing {
  const search = query.search.trim().toLocaleLowerCase();
  const tag = query.tag?.toLocaleLowerCase() ?? null;
  const picked: number[] = [];
  const archived: number[] = [];
  scores.clientIds.forEach((id, at) => {
    const entry = directory.get(id);
    if (tag !== null && !entry?.tags.some((t) => t.toLocaleLowerCase() === tag)) return;
    if (search !== '' && !entry?.searchText.includes(search)) return;
    if (!(scores.rank[at] ?? 0)) {
      // Not ranked: archived (the scores hold every client of the data they were made from).
      if (query.archived || search !== '') archived.push(at);
      return;
    }
    if (query.archived) return;
    if (query.tier !== null && scores.tier[at] !== query.tier) return;
    if (query.abc !== null && scores.abc[at] !== query.abc) return;
    if (query.segment !== null && scores.segment[at] !== query.segment) return;
    if (query.lifecycle !== null && scores.lifecycle[at] !== query.lifecycle) return;
    if (query.churnOnly && !scores.churnWarning[at]) return;
    if (query.overdueOnly && !((scores.overdue[at] ?? 0) > 0)) return;
    picked.push(at);
  });
  const rank = (at: number): number => scores.rank[at] ?? 0;
  const sign = query.descending ? -1 : 1;
  const text = (at: number, field: 'name' | 'company'): string =>
    directory.get(scores.clientIds[at] ?? '')?.[field] ?? '';
  if (query.sort === 'name' || query.sort === 'company') {
    const field = query.sort;
    picked.sort(
      (a, b) => sign * collator.compare(text(a, field), text(b, field)) || rank(a) - rank(b),
    );
  } else {
    const value = numericColumn(scores, query.sort);
    picked.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (Number.isNaN(x) || Number.isNaN(y)) {
        return Number(Number.isNaN(x)) - Number(Number.isNaN(y)) || rank(a) - rank(b);
      }
      return sign * (x - y) || rank(a) - rank(b);
    });
  }
  archived.sort((a, b) => collator.compare(text(a, 'name'), text(b, 'name')));
  return { indexes: Int32Array.from([...picked, ...archived]), computedAt: scores.computedAt };
}

function numericColumn(scores: ScoresRecord, column: SortColumn): (at: number) => number {
  const day = (days: Int32Array) => (at: number) => {
    const d = days[at] ?? NO_DAY;
    return d === NO_DAY ? NaN : d;
  };
  const of = (values: ArrayLike<number>) => (at: number) => values[at] ?? NaN;
  switch (column) {
    case 'tier':
      return of(scores.tier);
    case 'abc':
      return of(scores.abc);
    case 'score':
      return of(scores.composite);
    case 'value':
    case 'needs':
    case 'loyalty':
    case 'potential':
      return of(scores.dimensions[column]);
    case 'rfm':
      return (at) =>
        scores.r[at]
          ? (scores.r[at] ?? 0) * 100 + (scores.f[at] ?? 0) * 10 + (scores.m[at] ?? 0)
          : NaN;
    case 'segment':
      return of(scores.segment);
    case 'lifecycle':
      return of(scores.lifecycle);
    case 'pActive':
      return of(scores.pActive);
    case 'clv12m':
      return of(scores.clv12m);
    case 'lastPurchase':
      return day(scores.lastPurchaseDay);
    case 'lastContact':
      return day(scores.lastContactDay);
    default:
      return of(scores.rank);
  }
}

/** Words for the coded columns of the export, in the user's language. */
export interface ExportLabels {
  tiers: readonly string[];
  segments: Readonly<Record<string, string>>;
  lifecycle: readonly string[];
}

export const CSV_COLUMNS = [
  'rank',
  'id',
  'name',
  'tier',
  'abc',
  'score',
  'value',
  'needs',
  'loyalty',
  'potential',
  'rfm',
  'segment',
  'lifecycle',
  'p_active',
  'clv_12m',
] as const;

/**
 * The listed clients as CSV (without the byte-order mark: the page adds it to the file);
 * just the header when nothing is scored yet.
 */
export function clientsCsv(
  scores: ScoresRecord | null,
  listing: Pick<ClientListing, 'indexes'>,
  directory: ReadonlyMap<string, DirectoryEntry>,
  labels: ExportLabels,
): string {
  const lines = [CSV_COLUMNS.join(',')];
  if (scores === null) return csvLines(lines);
  listing.indexes.forEach((at) => {
    const r = scores.r[at] ?? 0;
    const rfm = r ? `${r}${scores.f[at] ?? 0}${scores.m[at] ?? 0}` : '';
    const segment = RFM_SEGMENTS[scores.segment[at] ?? RFM_SEGMENTS.length - 1] ?? 'none';
    lines.push(
      [
        String(scores.rank[at] ?? ''),
        csvText(scores.clientIds[at] ?? ''),
        csvText(directory.get(scores.clientIds[at] ?? '')?.name ?? ''),
        csvText(labels.tiers[scores.tier[at] ?? -1] ?? ''),
        'ABC'[scores.abc[at] ?? -1] ?? '',
        csvNumber(scores.composite[at] ?? NaN),
        csvNumber(scores.dimensions.value[at] ?? NaN),
        csvNumber(scores.dimensions.needs[at] ?? NaN),
        csvNumber(scores.dimensions.loyalty[at] ?? NaN),
        csvNumber(scores.dimensions.potential[at] ?? NaN),
        rfm,
        csvText(labels.segments[segment] ?? segment),
        csvText(labels.lifecycle[scores.lifecycle[at] ?? -1] ?? ''),
        csvNumber(scores.pActive[at] ?? NaN, 4),
        csvNumber(scores.clv12m[at] ?? NaN, 2),
      ].join(','),
    );
  });
  return csvLines(lines);
}
