import { BalanceTally } from './invoices';
import { NO_DAY, type Snapshot } from './snapshot';

/** An open complaint this old (days) or older is listed on Today whatever its severity. */
export const STALE_COMPLAINT_DAYS = 14;

/** Severity code of a serious complaint (`high`): listed at once, and it holds upgrades. */
export const SERIOUS_SEVERITY = 3;

/** The per-client columns of a scores record Today's other lists read. */
export interface AttentionScores {
  clientIds: readonly string[];
  scored: ArrayLike<number>;
  tier: ArrayLike<number>;
  churnWarning: ArrayLike<number>;
  pActive: ArrayLike<number>;
  clv12m: ArrayLike<number>;
}

export interface OpenComplaintItem {
  id: string;
  tier: number;
  /** Open complaints listed (serious, or open 14 days or more). */
  open: number;
  /** Highest severity among them: 1 low, 2 medium, 3 high. */
  severity: number;
  /** Days the oldest of them has been open. */
  openDays: number;
}

export interface OverdueInvoiceItem {
  id: string;
  tier: number;
  amount: number;
  invoices: number;
  /** Days since the oldest unpaid invoice fell due. */
  overdueDays: number;
}

export interface ChurnItem {
  id: string;
  tier: number;
  pActive: number;
  clv12m: number;
}

export interface TodayAttention {
  complaints: OpenComplaintItem[];
  overdue: OverdueInvoiceItem[];
  churn: ChurnItem[];
}

/**
 * Whether snapshot client `c` has a serious (high-severity) complaint opened on or before
 * the as-of day and not resolved by it.
 */
export function hasOpenSeriousComplaint(snapshot: Snapshot, c: number, asOfDay: number): boolean {
  const cp = snapshot.complaints;
  for (let k = cp.offsets[c]!; k < cp.offsets[c + 1]!; k += 1) {
    if (cp.openedDay[k]! > asOfDay || cp.severity[k]! < SERIOUS_SEVERITY) continue;
    const resolved = cp.resolvedDay[k]!;
    if (resolved === NO_DAY || resolved > asOfDay) return true;
  }
  return false;
}

/**
 * Today's lists besides follow-ups, in one pass: open complaints that are serious or have
 * waited 14 days or more (most severe, then oldest, first), overdue invoices (largest
 * amount first) and churn warnings (largest 12-month value first). Archived clients are
 * left out.
 */
export function todayAttention(
  snapshot: Snapshot,
  scores: AttentionScores,
  asOfDay: number,
): TodayAttention {
  const sameOrder =
    scores.clientIds.length === snapshot.clients.ids.length &&
    scores.clientIds.every((id, i) => id === snapshot.clients.ids[i]);
  const indexOf = sameOrder ? null : new Map(snapshot.clients.ids.map((id, i) => [id, i]));
  const { transactions: tx, complaints: cp } = snapshot;
  const tally = new BalanceTally();
  const out: TodayAttention = { complaints: [], overdue: [], churn: [] };
  scores.clientIds.forEach((id, at) => {
    const c = indexOf ? indexOf.get(id) : at;
    if (!scores.scored[at] || c === undefined) return;
    const tier = Math.max(0, scores.tier[at]!);
    let open = 0;
    let severity = 0;
    let openDays = 0;
    for (let k = cp.offsets[c]!; k < cp.offsets[c + 1]!; k += 1) {
      const opened = cp.openedDay[k]!;
      const resolved = cp.resolvedDay[k]!;
      if (opened > asOfDay || (resolved !== NO_DAY && resolved <= asOfDay)) continue;
      const days = asOfDay - opened;
      if (cp.severity[k]! < SERIOUS_SEVERITY && days < STALE_COMPLAINT_DAYS) continue;
      open += 1;
      severity = Math.max(severity, cp.severity[k]!);
      openDays = Math.max(openDays, days);
    }
    if (open > 0) out.complaints.push({ id, tier, open, severity, openDays });

    tally.reset();
    for (let k = tx.offsets[c]!; k < tx.offsets[c + 1]! && tx.day[k]! <= asOfDay; k += 1) {
      tally.add(tx.amount[k]!, tx.dueDay[k]!, tx.paidDay[k]!, asOfDay);
    }
    const balance = tally.balance();
    if (balance.overdue > 0) {
      out.overdue.push({
        id,
        tier,
        amount: balance.overdue,
        invoices: balance.overdueInvoices,
        overdueDays: asOfDay - balance.oldestDueDay,
      });
    }
    if (scores.churnWarning[at]) {
      out.churn.push({ id, tier, pActive: scores.pActive[at]!, clv12m: scores.clv12m[at]! });
    }
  });
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : 1);
  out.complaints.sort((a, b) => b.severity - a.severity || b.openDays - a.openDays || byId(a, b));
  out.overdue.sort((a, b) => b.amount - a.amount || byId(a, b));
  const nanLast = (x: number): number => (Number.isNaN(x) ? -Infinity : x);
  out.churn.sort((a, b) => nanLast(b.clv12m) - nanLast(a.clv12m) || byId(a, b));
  return out;
}
