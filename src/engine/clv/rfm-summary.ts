import { isIsoDate, toEpochDay, type IsoDate } from '$lib/dates';
import { daysToUnit, type TimeUnit } from './units';

/**
 * Which days are purchases. A client's transactions are netted by day: an order and its
 * cancellation on the same day add up to nothing. A day whose net is negative holds only
 * refunds, never a purchase: the models predict purchases and their value, not net
 * revenue (refunds on other days lower the value kept, `kept`). `nonNegative` (the
 * default, the convention of the models' literature and reference data) counts a day
 * netting to zero as a purchase (a free sample is still a visit); `positive` does not,
 * like the scoring measures of docs/scoring.md.
 */
export type PurchaseRule = 'positive' | 'nonNegative';

/**
 * One client's purchase history in the form the lifetime-value models read, in the
 * model's time unit (the usual convention of the BG/NBD literature):
 * - `frequency`: repeat purchase days, that is distinct purchase days − 1;
 * - `recency`: age at the last purchase, last purchase day − first purchase day;
 * - `T`: age at the as-of day, as-of day − first purchase day;
 * - `monetary`: mean value of the repeat purchase days (the first day left out, as it is
 *   often unlike the others), 0 when `frequency` is 0.
 * Several purchases on one day are one purchase day whose value is their sum.
 */
export interface RfmRow {
  frequency: number;
  recency: number;
  T: number;
  monetary: number;
}

/** `rfmSummary`'s output: an `RfmRow` with the client it describes. */
export interface RfmSummaryRow extends RfmRow {
  clientId: string;
}

/**
 * The same, one column per field, one entry per client. A client with no purchase by the
 * as-of day has NaN everywhere ("no data"). `firstValue` is the value of the first
 * purchase day: the only spend known for a client who has bought once. `kept` is the
 * share of its purchases' value the client kept after its refunds on other days, 0–1:
 * (purchase days' value − refunds) / purchase days' value, 1 without refunds, 0 when
 * everything was refunded.
 */
export interface RfmColumns {
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetary: Float64Array;
  firstValue: Float64Array;
  kept: Float64Array;
}

/**
 * Transactions grouped by client: client i's are at `offsets[i]` to `offsets[i + 1]`
 * (the engine's snapshot columns have this shape). `day` is an epoch day.
 */
export interface GroupedTransactions {
  offsets: ArrayLike<number>;
  day: ArrayLike<number>;
  amount: ArrayLike<number>;
}

export interface RfmColumnsOptions {
  /** Epoch day of the as-of date: later transactions are ignored. */
  asOfDay: number;
  unit: TimeUnit;
  purchases?: PurchaseRule;
}

/**
 * The purchase summary of every client of `transactions`, in client order. Transactions
 * after the as-of day and those that are not purchases (see `PurchaseRule`) are ignored.
 * Rows of one client are normally in day order (as in the snapshot); a client whose rows
 * are not is sorted first, so the result never depends on row order.
 */
export function rfmColumns(
  transactions: GroupedTransactions,
  options: RfmColumnsOptions,
): RfmColumns {
  const { offsets, day, amount } = transactions;
  const { asOfDay, unit } = options;
  const isPurchase = purchaseTest(options.purchases ?? 'nonNegative');
  const clients = Math.max(0, offsets.length - 1);
  const columns: RfmColumns = {
    frequency: new Float64Array(clients),
    recency: new Float64Array(clients),
    T: new Float64Array(clients),
    monetary: new Float64Array(clients),
    firstValue: new Float64Array(clients),
    kept: new Float64Array(clients),
  };
  for (let c = 0; c < clients; c += 1) {
    let rows = rowsUpTo(offsets[c]!, offsets[c + 1]!, day, asOfDay);
    if (!inDayOrder(rows, day))
      rows = [...rows].sort((i, j) => day[i]! - day[j]! || amount[i]! - amount[j]!);
    summariseClient(purchaseDays(rows, day, amount, isPurchase), asOfDay, unit, columns, c);
  }
  return columns;
}

export interface RfmSummaryOptions {
  /** As-of date, ISO `YYYY-MM-DD` or epoch day: later transactions are ignored. */
  asOf: IsoDate | number;
  unit: TimeUnit;
  purchases?: PurchaseRule;
}

/** A transaction as `rfmSummary` reads it; `date` is ISO `YYYY-MM-DD` or an epoch day. */
export interface PurchaseRecord {
  clientId: string;
  date: IsoDate | number;
  amount: number;
}

/**
 * The purchase summary (see `RfmRow`) of every client with at least one purchase by the
 * as-of day, sorted by client id (code-unit order). Same transactions in any order, same
 * result. Throws a RangeError for a date that is neither a real ISO date nor a whole
 * epoch day, or an amount that is not a finite number.
 */
export function rfmSummary(
  transactions: Iterable<PurchaseRecord>,
  options: RfmSummaryOptions,
): RfmSummaryRow[] {
  const records: { clientId: string; day: number; amount: number }[] = [];
  for (const t of transactions) {
    if (!Number.isFinite(t.amount)) {
      throw new RangeError(
        `Transaction of client ${t.clientId}: amount ${t.amount} is not a number`,
      );
    }
    records.push({ clientId: t.clientId, day: epochDay(t.date), amount: t.amount });
  }
  // Fully sorted, so same-day amounts are added in one order whatever the input order.
  records.sort(
    (p, q) =>
      (p.clientId < q.clientId ? -1 : p.clientId > q.clientId ? 1 : 0) ||
      p.day - q.day ||
      p.amount - q.amount,
  );
  const ids: string[] = [];
  const offsets: number[] = [];
  records.forEach((record, k) => {
    if (k === 0 || record.clientId !== records[k - 1]!.clientId) {
      ids.push(record.clientId);
      offsets.push(k);
    }
  });
  offsets.push(records.length);
  const columns = rfmColumns(
    {
      offsets,
      day: records.map((r) => r.day),
      amount: records.map((r) => r.amount),
    },
    { asOfDay: epochDay(options.asOf), unit: options.unit, purchases: options.purchases },
  );
  const rows: RfmSummaryRow[] = [];
  ids.forEach((clientId, c) => {
    if (Number.isNaN(columns.frequency[c]!)) return;
    rows.push({
      clientId,
      frequency: columns.frequency[c]!,
      recency: columns.recency[c]!,
      T: columns.T[c]!,
      monetary: columns.monetary[c]!,
    });
  });
  return rows;
}

function epochDay(date: IsoDate | number): number {
  if (typeof date === 'number') {
    if (Number.isInteger(date)) return date;
  } else if (isIsoDate(date)) {
    return toEpochDay(date);
  }
  throw new RangeError(`${String(date)} is neither an ISO date nor a whole epoch day`);
}

function purchaseTest(rule: PurchaseRule): (amount: number) => boolean {
  return rule === 'positive' ? (amount) => amount > 0 : (amount) => amount >= 0;
}

/** Indexes of the rows in [start, end) dated on or before the as-of day. */
function rowsUpTo(start: number, end: number, day: ArrayLike<number>, asOfDay: number): number[] {
  const rows: number[] = [];
  for (let k = start; k < end; k += 1) if (day[k]! <= asOfDay) rows.push(k);
  return rows;
}

function inDayOrder(rows: readonly number[], day: ArrayLike<number>): boolean {
  for (let i = 1; i < rows.length; i += 1) if (day[rows[i]!]! < day[rows[i - 1]!]!) return false;
  return true;
}

/** A client's days netted: the purchase days with their values, and the refunds. */
interface NettedDays {
  days: number[];
  values: number[];
  /** Σ of the days netting below zero, as a positive amount. */
  refunds: number;
}

/** Nets rows (in day order) by day, to the cent; sorts the days into purchases and refunds. */
function purchaseDays(
  rows: readonly number[],
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  isPurchase: (amount: number) => boolean,
): NettedDays {
  const netted: NettedDays = { days: [], values: [], refunds: 0 };
  for (let i = 0; i < rows.length;) {
    const d = day[rows[i]!]!;
    let net = 0;
    for (; i < rows.length && day[rows[i]!] === d; i += 1) net += amount[rows[i]!]!;
    net = Math.round(net * 100) / 100;
    if (isPurchase(net)) {
      netted.days.push(d);
      netted.values.push(net);
    } else if (net < 0) netted.refunds -= net;
  }
  return netted;
}

/** Writes client `c`'s summary from its netted days. */
function summariseClient(
  { days, values, refunds }: NettedDays,
  asOfDay: number,
  unit: TimeUnit,
  out: RfmColumns,
  c: number,
): void {
  if (days.length === 0) {
    out.frequency[c] = out.recency[c] = out.T[c] = out.monetary[c] = NaN;
    out.firstValue[c] = out.kept[c] = NaN;
    return;
  }
  const firstDay = days[0]!;
  let total = 0;
  for (const value of values) total += value;
  const repeatDays = days.length - 1;
  out.frequency[c] = repeatDays;
  out.recency[c] = daysToUnit(days[repeatDays]! - firstDay, unit);
  out.T[c] = daysToUnit(asOfDay - firstDay, unit);
  out.monetary[c] = repeatDays > 0 ? (total - values[0]!) / repeatDays : 0;
  out.firstValue[c] = values[0]!;
  out.kept[c] = total > 0 ? Math.min(1, Math.max(0, (total - refunds) / total)) : 1;
}
