import { modifiedZ, robustScale, type RobustScale } from './robust';

/** What the checks read of an invoice. */
export interface CheckedInvoice {
  id: string;
  clientId: string;
  date: string;
  amount: number;
  paidDate?: string | undefined;
  reference: string;
  description: string;
}

/** A dated record of any kind, for the future-date check. */
export interface DatedRecord {
  table: 'transactions' | 'interactions' | 'feedback' | 'complaints';
  id: string;
  clientId: string;
  date: string;
}

/** A modified z-score (ln amount) beyond this is an outlier (Iglewicz and Hoaglin). */
export const OUTLIER_Z = 3.5;
/** A client's own range counts from this many positive invoices; below, the base's alone. */
export const CLIENT_HISTORY_MIN = 5;

/** An invoice whose amount is far outside the base's usual range, and the client's. */
export interface Outlier {
  id: string;
  clientId: string;
  date: string;
  amount: number;
  /** Modified z-score of ln(amount) against every positive invoice. */
  baseZ: number;
  /** The same against the client's own; null when it has too few to say. */
  clientZ: number | null;
  /** The base's median invoice, for the explanation. */
  baseMedian: number;
}

/**
 * Invoices whose amount is an outlier both against every positive invoice of the base and
 * against the client's own (when it has `CLIENT_HISTORY_MIN` or more): |modified z| of
 * ln(amount) over `OUTLIER_Z`. On the log scale because invoice amounts are skewed: a
 * client who spends ten times the median is usual, one at a thousand times is not.
 * Refunds and zero amounts are not measured. Sorted by |base z|, largest first.
 */
export function findOutliers(invoices: readonly CheckedInvoice[]): Outlier[] {
  const positive = invoices.filter((t) => t.amount > 0);
  if (positive.length < CLIENT_HISTORY_MIN) return [];
  const logs = Float64Array.from(positive, (t) => Math.log(t.amount));
  const base = robustScale(logs);
  // Only the clients of invoices unusual for the base need their own range: their
  // invoices are gathered in one more pass, not every client's (50,000 lists).
  const flagged = new Map<number, number>();
  logs.forEach((x, i) => {
    const z = modifiedZ(x, base);
    if (Math.abs(z) > OUTLIER_Z) flagged.set(i, z);
  });
  if (flagged.size === 0) return [];
  const candidates = new Set([...flagged.keys()].map((i) => positive[i]!.clientId));
  const own = new Map<string, number[]>();
  positive.forEach((t, i) => {
    if (!candidates.has(t.clientId)) return;
    const list = own.get(t.clientId);
    if (list) list.push(logs[i]!);
    else own.set(t.clientId, [logs[i]!]);
  });
  const scales = new Map<string, RobustScale>();
  const outliers: Outlier[] = [];
  for (const [i, baseZ] of flagged) {
    const t = positive[i]!;
    const values = own.get(t.clientId) ?? [];
    let clientZ: number | null = null;
    if (values.length >= CLIENT_HISTORY_MIN) {
      let scale = scales.get(t.clientId);
      if (!scale) {
        scale = robustScale(values);
        scales.set(t.clientId, scale);
      }
      clientZ = modifiedZ(logs[i]!, scale);
      if (!(Math.abs(clientZ) > OUTLIER_Z)) continue;
    }
    outliers.push({
      id: t.id,
      clientId: t.clientId,
      date: t.date,
      amount: t.amount,
      baseZ,
      clientZ,
      baseMedian: Math.exp(base.median),
    });
  }
  return outliers.sort((a, b) => Math.abs(b.baseZ) - Math.abs(a.baseZ) || (a.id < b.id ? -1 : 1));
}

export const IMPOSSIBLE_KINDS = ['futureDate', 'paidBeforeInvoiced', 'unmarkedRefund'] as const;
export type ImpossibleKind = (typeof IMPOSSIBLE_KINDS)[number];

/** A value that cannot be right as it stands. */
export interface ImpossibleValue {
  kind: ImpossibleKind;
  table: DatedRecord['table'];
  id: string;
  clientId: string;
  /** The record's date; for `paidBeforeInvoiced` the invoice date (paid: `other`). */
  date: string;
  /** The paid date, or the amount of an unmarked refund, as text. */
  other?: string;
}

/**
 * Words that mark a negative amount as a refund or credit note, in its reference or
 * description (English and Chinese); a reference of C and digits is a cancellation
 * invoice as shop exports number them.
 */
const REFUND_MARK =
  /refund|credit|cancel|return|reversal|chargeback|退款|退货|取消|冲销|冲红|红字|贷项/i;
const CANCELLATION_REFERENCE = /^c\d/i;

/** Whether a negative invoice says it is a refund. */
export function isMarkedRefund(
  invoice: Pick<CheckedInvoice, 'reference' | 'description'>,
): boolean {
  return (
    REFUND_MARK.test(invoice.reference) ||
    REFUND_MARK.test(invoice.description) ||
    CANCELLATION_REFERENCE.test(invoice.reference.trim())
  );
}

/**
 * Values that cannot be right as they stand, as of the day `today` (YYYY-MM-DD, the
 * caller's clock): any record dated after today; an invoice paid before it was issued; a
 * negative amount its reference and description do not mark as a refund (`isMarkedRefund`).
 * In the order of `records`, then `invoices`.
 */
export function findImpossibleValues(
  invoices: readonly CheckedInvoice[],
  records: readonly DatedRecord[],
  today: string,
): ImpossibleValue[] {
  const found: ImpossibleValue[] = [];
  for (const r of records) {
    if (r.date > today) {
      found.push({
        kind: 'futureDate',
        table: r.table,
        id: r.id,
        clientId: r.clientId,
        date: r.date,
      });
    }
  }
  for (const t of invoices) {
    const base = { table: 'transactions' as const, id: t.id, clientId: t.clientId, date: t.date };
    if (t.paidDate !== undefined && t.paidDate < t.date) {
      found.push({ ...base, kind: 'paidBeforeInvoiced', other: t.paidDate });
    }
    if (t.amount < 0 && !isMarkedRefund(t)) {
      found.push({ ...base, kind: 'unmarkedRefund', other: String(t.amount) });
    }
  }
  return found;
}
