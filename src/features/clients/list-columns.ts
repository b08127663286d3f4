import type { MessageKey } from '$i18n/en';
import type { ClientListColumn } from '$schema/settings';
import type { SortColumn } from '$worker/client-list';

/** How a column of the Clients list is labelled, sized and sorted. */
export interface ColumnSpec {
  label: MessageKey;
  /** Width in rem: wide enough for the header and its sort arrow on one line. */
  width: number;
  numeric: boolean;
  /** The sort it asks for; none for tags. */
  sort: SortColumn | null;
}

export const COLUMN_SPECS: Record<ClientListColumn | 'rank' | 'name', ColumnSpec> = {
  rank: { label: 'clients.column.rank', width: 5, numeric: true, sort: 'rank' },
  name: { label: 'clients.column.name', width: 14, numeric: false, sort: 'name' },
  company: { label: 'clients.column.company', width: 11, numeric: false, sort: 'company' },
  tags: { label: 'clients.column.tags', width: 11, numeric: false, sort: null },
  tier: { label: 'clients.column.tier', width: 8, numeric: false, sort: 'tier' },
  score: { label: 'clients.column.score', width: 5.5, numeric: true, sort: 'score' },
  value: { label: 'dimension.value', width: 5.5, numeric: true, sort: 'value' },
  needs: { label: 'dimension.needs', width: 5.5, numeric: true, sort: 'needs' },
  loyalty: { label: 'dimension.loyalty', width: 6, numeric: true, sort: 'loyalty' },
  potential: { label: 'dimension.potential', width: 7, numeric: true, sort: 'potential' },
  abc: { label: 'clients.column.abc', width: 4.5, numeric: false, sort: 'abc' },
  rfm: { label: 'clients.column.rfm', width: 4.5, numeric: false, sort: 'rfm' },
  segment: { label: 'clients.column.segment', width: 10, numeric: false, sort: 'segment' },
  lifecycle: { label: 'clients.column.lifecycle', width: 8, numeric: false, sort: 'lifecycle' },
  pActive: { label: 'clients.column.pActive', width: 6.5, numeric: true, sort: 'pActive' },
  clv12m: { label: 'clients.column.clv12m', width: 9, numeric: true, sort: 'clv12m' },
  lastPurchase: {
    label: 'clients.column.lastPurchase',
    width: 8.5,
    numeric: false,
    sort: 'lastPurchase',
  },
  lastContact: {
    label: 'clients.column.lastContact',
    width: 8.5,
    numeric: false,
    sort: 'lastContact',
  },
};

/** The grid's column template: rank and name first, then the chosen columns. */
export function gridTemplate(columns: readonly ClientListColumn[]): string {
  return ['rank', 'name', ...columns]
    .map((key) => {
      const { width } = COLUMN_SPECS[key as keyof typeof COLUMN_SPECS]; // keys of the specs
      return key === 'name' ? `minmax(${width}rem, 2fr)` : `${width}rem`;
    })
    .join(' ');
}

/** The narrowest the table can be without clipping a chosen column, in rem. */
export function minimumWidth(columns: readonly ClientListColumn[]): number {
  const gaps = 0.5 * (columns.length + 1) + 1;
  return ['rank', 'name', ...columns].reduce(
    (sum, key) => sum + COLUMN_SPECS[key as keyof typeof COLUMN_SPECS].width, // keys of the specs
    gaps,
  );
}
