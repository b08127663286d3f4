import { monthOf, monthStarts } from './calendar-months';
import { concentrationCurve, gini, top20Share } from './concentration';
import { BalanceTally } from './invoices';
import { NO_DAY, type Snapshot } from './snapshot';

/** "The last 12 months" of every figure: the days `(A − 365, A]`. */
export const YEAR_DAYS = 365;
/** Months in the revenue-by-month chart, ending with the as-of month. */
export const CHART_MONTHS = 24;
/** Most points the scatter chart gets (about 4 per pixel of a wide chart). */
export const MAX_SCATTER_POINTS = 3_000;
/** Entries per list of the attention panel. */
const ATTENTION_ENTRIES = 8;

/** The per-client columns of a scores record the summary needs, in `clientIds` order. */
export interface DashboardScores {
  clientIds: readonly string[];
  /** 0 for archived clients, which every figure leaves out. */
  scored: ArrayLike<number>;
  /** Index of the client's tier level. */
  tier: ArrayLike<number>;
  churnWarning: ArrayLike<number>;
  /** Predicted 12-month lifetime value, NaN when unknown. */
  clv12m: ArrayLike<number>;
  pActive: ArrayLike<number>;
}

export interface DashboardOptions {
  /** The as-of day (epoch day): nothing after it counts. */
  asOfDay: number;
  /** Number of tier levels of the model (the length of the per-tier arrays). */
  tiers: number;
  /** Share of 12-month revenue, 0–1, above which one client raises a warning. */
  concentrationThreshold: number;
  maxScatterPoints?: number;
}

export interface ChurnEntry {
  id: string;
  tier: number;
  clv12m: number;
  pActive: number;
}
export interface ComplaintEntry {
  id: string;
  tier: number;
  /** Open complaints of this client. */
  open: number;
  /** Highest severity among them: 1 low, 2 medium, 3 high. */
  severity: number;
  /** Epoch day the oldest open one was opened. */
  oldestDay: number;
}

export interface OverdueEntry {
  id: string;
  tier: number;
  /** What the client owes past its due date (invoices.ts), in currency units. */
  amount: number;
  /** Unpaid invoices past their due date. */
  invoices: number;
  /** Epoch day the oldest of them was due. */
  oldestDueDay: number;
}

/** Everything the dashboard shows, computed in one pass over the snapshot. */
export interface DashboardSummary {
  asOfDay: number;
  /** Clients that are not archived. */
  clients: number;
  /** Of them, clients with a purchase in the last 12 months. */
  activeClients: number;
  /** Net revenue (refunds subtracted) in the last 12 months and in the 12 before. */
  revenue12m: number;
  revenuePrevious12m: number;
  /**
   * Whether the data reach back over the whole previous 12 months: nine days of history
   * before the window would make any year look like growth.
   */
  previousCovered: boolean;
  /**
   * (revenue12m − previous) / previous; null when the previous 12 months had none, or
   * when the data do not reach back to their start (`previousCovered`).
   */
  revenueChange: number | null;
  /** Clients who bought in the previous 12 months (the retention base). */
  retentionBase: number;
  /** Share of the retention base who bought again in the last 12 months; null without a base. */
  retentionRate: number | null;
  /** Clients with at least one purchase up to the as-of day. */
  buyers: number;
  /** Share of buyers with purchases on two or more days; null without buyers. */
  repeatPurchaseRate: number | null;
  /** Feedback responses dated in the last 12 months, and their mean on the 0–100 scale. */
  satisfactionResponses: number;
  satisfaction: number | null;
  /** The client with the most 12-month revenue and its share of the total; null without revenue. */
  topClient: { id: string; tier: number; revenue: number; share: number } | null;
  concentrationWarning: boolean;
  /** Per tier level: clients, and their 12-month revenue. */
  tierClients: number[];
  tierRevenue12m: number[];
  /** Calendar months (`YYYY-MM`), oldest first, and revenue per tier × month. */
  months: string[];
  monthRevenue: number[][];
  /** Cumulative share of clients (x) and of revenue (y), 0–1, clients by revenue descending. */
  curve: { x: number; y: number }[];
  /** Clients with positive 12-month revenue: the population of the curve and of `gini`. */
  curveClients: number;
  /** Gini coefficient of their 12-month revenue, 0 (equal) to 1; null under two clients. */
  gini: number | null;
  /** Share of 12-month revenue made by the top 20% of those clients; null without any. */
  top20Share: number | null;
  /** Frequency (purchases, all time) × monetary (net revenue, all time), per tier. */
  scatter: { x: number; y: number }[][];
  /** Clients eligible for the scatter (a purchase and positive revenue) and those drawn. */
  scatterClients: number;
  scatterShown: number;
  churn: ChurnEntry[];
  churnCount: number;
  complaints: ComplaintEntry[];
  openComplaints: number;
  complaintClients: number;
  /** Clients owing money past its due date, the largest amount first (at most 8). */
  overdue: OverdueEntry[];
  /** All such clients, and the total they owe past due. */
  overdueClients: number;
  overdueAmount: number;
}

/**
 * The dashboard's figures and chart data from the snapshot and the latest scores
 * (definitions: docs/dashboard.md). Archived clients and records dated after the as-of
 * day are left out. Clients of the scores missing from the snapshot (a change not yet
 * scored) are skipped. O(clients + records); the scatter is a uniform sample of at most
 * `maxScatterPoints` clients (every k-th in id order), so the page never draws 50,000.
 */
export function dashboardSummary(
  snapshot: Snapshot,
  scores: DashboardScores,
  options: DashboardOptions,
): DashboardSummary {
  const { asOfDay, tiers } = options;
  const windowStart = asOfDay - YEAR_DAYS;
  const previousStart = asOfDay - 2 * YEAR_DAYS;
  const months = monthStarts(asOfDay, CHART_MONTHS);
  const firstMonthDay = months.days[0]!;
  // The scores are normally in snapshot order; a map only when a change reordered them.
  const sameOrder =
    scores.clientIds.length === snapshot.clients.ids.length &&
    scores.clientIds.every((id, i) => id === snapshot.clients.ids[i]);
  const indexOf = sameOrder ? null : new Map(snapshot.clients.ids.map((id, i) => [id, i]));
  const tx = snapshot.transactions;
  const fb = snapshot.feedback;
  const cp = snapshot.complaints;

  const tierClients = new Array<number>(tiers).fill(0);
  const tierRevenue12m = new Array<number>(tiers).fill(0);
  const monthRevenue = Array.from({ length: tiers }, () => new Array<number>(CHART_MONTHS).fill(0));
  const n = scores.clientIds.length;
  // Typed columns, not objects: 50,000 clients sort and sample in a few milliseconds.
  const positive = new Float64Array(n);
  let paying = 0;
  /** The client with the most 12-month revenue (the first of equals), -1 for none. */
  let topAt = -1;
  let topRevenue = 0;
  const eligible = { tier: new Uint8Array(n), x: new Float64Array(n), y: new Float64Array(n) };
  let eligibleCount = 0;
  const churn: ChurnEntry[] = [];
  const complaints: ComplaintEntry[] = [];
  const overdue: OverdueEntry[] = [];
  let overdueAmount = 0;
  const tally = new BalanceTally();
  let clients = 0;
  let active = 0;
  let revenue12m = 0;
  let revenuePrevious = 0;
  let retentionBase = 0;
  let retained = 0;
  let buyers = 0;
  let repeaters = 0;
  let satisfactionSum = 0;
  let satisfactionResponses = 0;
  let openComplaints = 0;
  let firstDay = Infinity;

  scores.clientIds.forEach((id, at) => {
    const c = indexOf ? indexOf.get(id) : at;
    if (!scores.scored[at] || c === undefined) return;
    const tier = Math.min(Math.max(scores.tier[at]!, 0), tiers - 1);
    clients += 1;
    tierClients[tier]! += 1;
    let inWindow = 0;
    let inPrevious = 0;
    let boughtInWindow = false;
    let boughtInPrevious = false;
    let purchaseDays = 0;
    let lifetime = 0;
    // Invoices netted by day, as in the scores: an order cancelled the same day is no
    // purchase (docs/scoring.md, section 1).
    let currentDay = NO_DAY;
    let dayNet = 0;
    tally.reset();
    const end = tx.offsets[c + 1]!;
    for (let k = tx.offsets[c]!; ; k += 1) {
      const stop = k === end || tx.day[k]! > asOfDay; // rows are in date order
      const day = stop ? NO_DAY : tx.day[k]!;
      if (stop || day !== currentDay) {
        if (currentDay !== NO_DAY && Math.round(dayNet * 100) > 0) {
          purchaseDays += 1;
          if (currentDay > windowStart) boughtInWindow = true;
          else if (currentDay > previousStart) boughtInPrevious = true;
        }
        if (stop) break;
        currentDay = day;
        dayNet = 0;
      }
      if (day < firstDay) firstDay = day;
      const amount = tx.amount[k]!;
      tally.add(amount, tx.dueDay[k]!, tx.paidDay[k]!, asOfDay);
      dayNet += amount;
      lifetime += amount;
      if (day > windowStart) inWindow += amount;
      else if (day > previousStart) inPrevious += amount;
      if (day >= firstMonthDay) monthRevenue[tier]![monthOf(months.days, day)]! += amount;
    }
    revenue12m += inWindow;
    revenuePrevious += inPrevious;
    tierRevenue12m[tier]! += inWindow;
    if (boughtInWindow) active += 1;
    if (boughtInPrevious) {
      retentionBase += 1;
      if (boughtInWindow) retained += 1;
    }
    if (purchaseDays > 0) buyers += 1;
    if (purchaseDays > 1) repeaters += 1;
    if (inWindow > 0) {
      positive[paying++] = inWindow;
      if (topAt < 0 || inWindow > topRevenue) {
        topAt = at;
        topRevenue = inWindow;
      }
    }
    if (purchaseDays > 0 && lifetime > 0) {
      eligible.tier[eligibleCount] = tier;
      eligible.x[eligibleCount] = purchaseDays;
      eligible.y[eligibleCount] = lifetime;
      eligibleCount += 1;
    }

    for (let k = fb.offsets[c]!; k < fb.offsets[c + 1]!; k += 1) {
      const day = fb.day[k]!;
      if (day > windowStart && day <= asOfDay) {
        satisfactionSum += fb.score[k]!;
        satisfactionResponses += 1;
      }
    }
    let open = 0;
    let severity = 0;
    let oldestDay = NO_DAY;
    for (let k = cp.offsets[c]!; k < cp.offsets[c + 1]!; k += 1) {
      if (cp.openedDay[k]! > asOfDay || cp.resolvedDay[k] !== NO_DAY) continue;
      open += 1;
      severity = Math.max(severity, cp.severity[k]!);
      if (oldestDay === NO_DAY) oldestDay = cp.openedDay[k]!; // rows are in date order
    }
    if (open > 0) {
      openComplaints += open;
      complaints.push({ id, tier, open, severity, oldestDay });
    }
    const balance = tally.balance();
    if (balance.overdue > 0) {
      overdueAmount += balance.overdue;
      overdue.push({
        id,
        tier,
        amount: balance.overdue,
        invoices: balance.overdueInvoices,
        oldestDueDay: balance.oldestDueDay,
      });
    }
    if (scores.churnWarning[at]) {
      churn.push({ id, tier, clv12m: scores.clv12m[at]!, pActive: scores.pActive[at]! });
    }
  });

  const topClient: DashboardSummary['topClient'] =
    topAt >= 0 && revenue12m > 0
      ? {
          id: scores.clientIds[topAt]!,
          tier: Math.min(Math.max(scores.tier[topAt]!, 0), tiers - 1),
          revenue: topRevenue,
          share: topRevenue / revenue12m,
        }
      : null;
  const sortedRevenue = positive.subarray(0, paying).sort().reverse();
  churn.sort((a, b) => nanLast(b.clv12m) - nanLast(a.clv12m) || (a.id < b.id ? -1 : 1));
  complaints.sort(
    (a, b) => b.severity - a.severity || a.oldestDay - b.oldestDay || (a.id < b.id ? -1 : 1),
  );
  overdue.sort((a, b) => b.amount - a.amount || (a.id < b.id ? -1 : 1));
  const scatter = sampleScatter(
    eligible,
    eligibleCount,
    tiers,
    options.maxScatterPoints ?? MAX_SCATTER_POINTS,
  );

  const previousCovered = firstDay <= previousStart + 1;
  return {
    asOfDay,
    clients,
    activeClients: active,
    revenue12m,
    revenuePrevious12m: revenuePrevious,
    previousCovered,
    revenueChange:
      previousCovered && revenuePrevious > 0
        ? (revenue12m - revenuePrevious) / revenuePrevious
        : null,
    retentionBase,
    retentionRate: previousCovered && retentionBase > 0 ? retained / retentionBase : null,
    buyers,
    repeatPurchaseRate: buyers > 0 ? repeaters / buyers : null,
    satisfactionResponses,
    satisfaction: satisfactionResponses > 0 ? satisfactionSum / satisfactionResponses : null,
    topClient,
    concentrationWarning: topClient !== null && topClient.share > options.concentrationThreshold,
    tierClients,
    tierRevenue12m,
    months: months.labels,
    monthRevenue,
    curve: concentrationCurve(sortedRevenue),
    curveClients: sortedRevenue.length,
    gini: gini(sortedRevenue),
    top20Share: top20Share(sortedRevenue),
    scatter: scatter.points,
    scatterClients: eligibleCount,
    scatterShown: scatter.shown,
    churn: churn.slice(0, ATTENTION_ENTRIES),
    churnCount: churn.length,
    complaints: complaints.slice(0, ATTENTION_ENTRIES),
    openComplaints,
    complaintClients: complaints.length,
    overdue: overdue.slice(0, ATTENTION_ENTRIES),
    overdueClients: overdue.length,
    overdueAmount: Math.round(overdueAmount * 100) / 100,
  };
}

const nanLast = (x: number): number => (Number.isNaN(x) ? -Infinity : x);

/** Every k-th point (k = ⌈n / max⌉), so the sample keeps the shape of the whole. */
function sampleScatter(
  points: { tier: Uint8Array; x: Float64Array; y: Float64Array },
  count: number,
  tiers: number,
  max: number,
): { points: { x: number; y: number }[][]; shown: number } {
  const byTier = Array.from({ length: tiers }, () => [] as { x: number; y: number }[]);
  const step = Math.max(1, Math.ceil(count / max));
  let shown = 0;
  for (let k = 0; k < count; k += step) {
    byTier[points.tier[k]!]!.push({ x: points.x[k]!, y: points.y[k]! });
    shown += 1;
  }
  return { points: byTier, shown };
}
