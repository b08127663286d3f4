import { NEED_TYPE_KEYS } from './model';
import type { ClientFacts, FeatureOptions, FeatureSet, MetricColumns } from './features';
import { BalanceTally } from './invoices';
import { NO_DAY, type Snapshot } from './snapshot';

/**
 * The measures of each client (docs/scoring.md): from its own invoices, feedback,
 * complaints and contacts, its referrals and its profile's ratings. features.ts decides
 * which clients to measure and keeps the results.
 */

const YEAR_DAYS = 365;

/** How far back `recentRevenue` looks, in days. */
export const VALUE_HISTORY_DAYS = 730;

/**
 * The spend trend is shrunk towards flat by n / (n + TREND_SHRINK), n the client's purchase
 * days in the two windows: three purchases make half a trend, thirty nine tenths.
 */
export const TREND_SHRINK = 3;

/** An amount of money rounded to the cent (amounts are stored in currency units). */
export function toCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/**
 * Every measure of a client that comes from its own invoices, feedback, complaints and
 * contacts: for every client (`only` null), or for those listed, whose entries must hold
 * the empty defaults.
 */
export function clientMeasures(
  snapshot: Snapshot,
  features: FeatureSet,
  only: Int32Array | null,
): void {
  const { metrics, facts, basis } = features;
  const { asOfDay, hourlyRate: modelRate, dormantDays, trendKnown } = basis;
  const count = only === null ? snapshot.clients.ids.length : only.length;
  const windowStart = asOfDay - basis.windowDays; // exclusive
  const previousStart = windowStart - basis.windowDays;
  const historyStart = asOfDay - VALUE_HISTORY_DAYS; // exclusive
  // Columns and settings in locals: this loop runs once per transaction.
  const { offsets, day: dayColumn, amount: amountColumn, cost: costColumn } = snapshot.transactions;
  const { hours: hoursColumn, dueDay: dueColumn, paidDay: paidColumn } = snapshot.transactions;
  const clientRates = snapshot.clients.hourlyRate;
  const tally = new BalanceTally();
  // The output columns in locals too: `metrics` has 25 keys, and a property lookup per
  // client and column costs more than the whole pass over the transactions.
  const { monetaryTotal, frequency, profit, margin, recencyDays, averageOrderValue } = metrics;
  const { tenureDays, repurchaseRate, spendTrend, onTimeShare, meanDaysLate } = metrics;
  const {
    lifetimeRevenue,
    windowRevenue: windowRevenueColumn,
    purchaseDays,
    recentRevenue,
  } = facts;
  const { firstPurchaseDay, lastPurchaseDay, outstanding, overdue } = facts;

  for (let i = 0; i < count; i += 1) {
    const c = only === null ? i : only[i]!;
    // The client's own rate when the profile sets one, else the model's.
    const ownRate = clientRates[c]!;
    const hourlyRate = Number.isNaN(ownRate) ? modelRate : ownRate;
    tally.reset();
    let lifetime = 0;
    let purchaseValue = 0;
    let days = 0;
    let lastDay = NO_DAY;
    let firstDay = NO_DAY;
    let windowRevenue = 0;
    let windowDays = 0;
    let previousDays = 0;
    let previousRevenue = 0;
    let recent = 0;
    let windowCost = 0;
    /** An invoice in the window says what it cost (a cost or hours): profit is known. */
    let costed = false;
    let dueCount = 0;
    let onTime = 0;
    let lateDays = 0;
    // Invoices are netted by day: a day whose invoices and refunds add up to more than
    // nothing is a purchase day of that value; a refund on a later day lowers revenue
    // but is no purchase.
    let currentDay = NO_DAY;
    let dayNet = 0;
    const end = offsets[c + 1]!;
    for (let k = offsets[c]!; ; k += 1) {
      // Past the client's rows, or past the as-of day (rows are in date order): stop.
      const stop = k === end || dayColumn[k]! > asOfDay;
      const day = stop ? NO_DAY : dayColumn[k]!;
      if (stop || day !== currentDay) {
        if (currentDay !== NO_DAY && toCents(dayNet) > 0) {
          days += 1;
          purchaseValue += dayNet;
          if (currentDay > windowStart) windowDays += 1;
          else if (currentDay > previousStart) previousDays += 1;
          if (firstDay === NO_DAY) firstDay = currentDay;
          lastDay = currentDay;
        }
        if (stop) break;
        currentDay = day;
        dayNet = 0;
      }
      const amount = amountColumn[k]!;
      dayNet += amount;
      lifetime += amount;
      if (day > historyStart) recent += amount;
      const inWindow = day > windowStart;
      if (inWindow) {
        windowRevenue += amount;
        const cost = costColumn[k]!;
        const hours = hoursColumn[k]!;
        windowCost +=
          (Number.isNaN(cost) ? 0 : cost) + (Number.isNaN(hours) ? 0 : hours * hourlyRate);
        costed ||= !Number.isNaN(cost) || !Number.isNaN(hours);
      } else if (day > previousStart) {
        previousRevenue += amount;
      }
      const due = dueColumn[k]!;
      const paid = paidColumn[k]!;
      tally.add(amount, due, paid, asOfDay);
      // Punctuality is measured against the paid date: an invoice counts once paid (on
      // time when paid by its due date), or once overdue and still unpaid (late by the
      // days so far, as `invoiceStateOf` calls it overdue). One unpaid and not yet due
      // says nothing, whatever its due date: it is never held against the client.
      if (amount > 0 && due !== NO_DAY) {
        const settled = paid !== NO_DAY && paid <= asOfDay;
        if (settled || due < asOfDay) {
          dueCount += 1;
          const late = (settled ? paid : asOfDay) - due;
          // Without a branch (whether an invoice was late is a coin toss to the CPU):
          // onTime is −1 when paid by the due date (late ≤ 0), else 0.
          const early = (late - 1) >> 31;
          onTime -= early;
          lateDays += late & ~early;
        }
      }
    }
    // Money to the cent: sums of cents in binary floating point leave residues (7e-15)
    // that would count as revenue.
    windowRevenue = toCents(windowRevenue);
    previousRevenue = toCents(previousRevenue);
    lifetimeRevenue[c] = toCents(lifetime);
    recentRevenue[c] = toCents(recent);
    windowRevenueColumn[c] = windowRevenue;
    const balance = tally.balance();
    outstanding[c] = balance.outstanding;
    overdue[c] = balance.overdue;
    purchaseDays[c] = days;
    firstPurchaseDay[c] = firstDay;
    lastPurchaseDay[c] = lastDay;
    // A client with no invoice at all has no purchase history to score (a prospect earns
    // nothing here, not the middle rank of a tie at zero); one with invoices but none in
    // the window has revenue 0.
    if (currentDay !== NO_DAY) {
      monetaryTotal[c] = windowRevenue;
      frequency[c] = windowDays;
    }
    // Without a cost or hours on any invoice of the window, profit would only repeat the
    // revenue: no data.
    if (costed) {
      profit[c] = toCents(windowRevenue - windowCost);
      if (windowRevenue > 0) margin[c] = (windowRevenue - windowCost) / windowRevenue;
    }
    if (days > 0) {
      const silence = asOfDay - lastDay;
      recencyDays[c] = silence;
      averageOrderValue[c] = toCents(purchaseValue / days);
      const age = asOfDay - firstDay;
      // Tenure counts while the client is active: a client silent for `dormantDays` has no
      // current relationship to be loyal in, however long the old one lasted.
      tenureDays[c] = silence < dormantDays ? age : 0;
      repurchaseRate[c] = ((days - 1) / Math.max(age, 30)) * YEAR_DAYS;
    }
    // A trend needs both windows: a client whose history began inside the current window
    // has none (a new client is not "growing"), and little history says little.
    const larger = Math.max(Math.abs(windowRevenue), Math.abs(previousRevenue));
    if (trendKnown && larger > 0 && firstDay !== NO_DAY && firstDay <= windowStart) {
      const evidence = windowDays + previousDays;
      spendTrend[c] =
        ((windowRevenue - previousRevenue) / larger) * (evidence / (evidence + TREND_SHRINK));
    }
    if (dueCount > 0) {
      onTimeShare[c] = onTime / dueCount;
      meanDaysLate[c] = lateDays / dueCount;
    }
  }

  addRecordMetrics(snapshot, asOfDay, metrics, facts, only);
}

/**
 * Referrals given, per client: the referrers counted by id, then each client looked up.
 * None recorded is no data (NaN), not a score: a referral nobody noted is not a client
 * who refuses to refer. (A Map keeps each string's hash, so this is cheaper on every
 * later run than a binary search comparing ids.)
 */
export function countReferrals(clients: Snapshot['clients']): Float64Array {
  const { ids, referrerId } = clients;
  const given = new Map<string, number>();
  for (const id of referrerId) if (id !== null) given.set(id, (given.get(id) ?? 0) + 1);
  const counts = new Float64Array(ids.length).fill(NaN);
  if (given.size === 0) return counts;
  for (let c = 0; c < ids.length; c += 1) counts[c] = given.get(ids[c]!) ?? NaN;
  return counts;
}

/** Satisfaction, complaints and last contact, from their own columns. */
function addRecordMetrics(
  snapshot: Snapshot,
  asOfDay: number,
  metrics: MetricColumns,
  facts: ClientFacts,
  only: Int32Array | null,
): void {
  const count = only === null ? snapshot.clients.ids.length : only.length;
  // Columns in locals, as in the transaction pass.
  const { offsets: feedbackAt, day: feedbackDay, score: feedbackScore } = snapshot.feedback;
  const { offsets: complaintAt, openedDay, resolvedDay: resolvedColumn } = snapshot.complaints;
  const { offsets: interactionAt, day: interactionDay } = snapshot.interactions;
  const { satisfaction, openComplaints, daysSinceContact } = metrics;
  const { resolvedComplaints, lastContactDay } = facts;
  for (let i = 0; i < count; i += 1) {
    const c = only === null ? i : only[i]!;
    // Satisfaction: the mean of the latest three answers, so it follows the relationship
    // as it is now rather than as it was years ago.
    let sum = 0;
    let count = 0;
    for (let k = feedbackAt[c + 1]! - 1; k >= feedbackAt[c]! && count < 3; k -= 1) {
      if (feedbackDay[k]! > asOfDay) continue;
      sum += feedbackScore[k]!;
      count += 1;
    }
    if (count > 0) satisfaction[c] = sum / count;

    let open = 0;
    let resolved = 0;
    for (let k = complaintAt[c]!; k < complaintAt[c + 1]!; k += 1) {
      if (openedDay[k]! > asOfDay) continue;
      const resolvedDay = resolvedColumn[k]!;
      if (resolvedDay !== NO_DAY && resolvedDay <= asOfDay) resolved += 1;
      else open += 1;
    }
    // Open complaints are evidence only where complaints are on record: a client who
    // never complained has no data here, rather than a perfect record.
    if (open + resolved > 0) openComplaints[c] = open;
    resolvedComplaints[c] = resolved;

    // The latest contact on or before the as-of day: rows are in date order, so walk back.
    let last = NO_DAY;
    for (let k = interactionAt[c + 1]! - 1; k >= interactionAt[c]!; k -= 1) {
      const day = interactionDay[k]!;
      if (day <= asOfDay) {
        last = day;
        break;
      }
    }
    lastContactDay[c] = last;
    if (last !== NO_DAY) daysSinceContact[c] = asOfDay - last;
  }
}

/**
 * A stored rating byte as a metric value: 0 (not rated) is no data. A table rather than a
 * test, because whether a client is rated is a coin toss to the CPU's branch predictor.
 */
const RATING_VALUE = Float64Array.from({ length: 256 }, (_, byte) => (byte === 0 ? NaN : byte));

/** The 1–5 ratings of the profile, and the fit of the client's need type. */
export function addRatings(
  snapshot: Snapshot,
  definition: FeatureOptions['definition'],
  metrics: MetricColumns,
): void {
  const clients = snapshot.clients;
  const n = clients.ids.length;
  const rated = (column: Uint8Array, into: Float64Array): void => {
    for (let c = 0; c < n; c += 1) into[c] = RATING_VALUE[column[c]!]!;
  };
  rated(clients.needStrength, metrics.needStrength);
  rated(clients.needUrgency, metrics.needUrgency);
  rated(clients.budget, metrics.budget);
  rated(clients.growthRoom, metrics.growthRoom);
  rated(clients.influence, metrics.influence);
  // The fit of each need type, by its stored index (−1, not set, is no data).
  const fitOf = new Float64Array(NEED_TYPE_KEYS.length + 1).fill(NaN);
  NEED_TYPE_KEYS.forEach((type, index) => {
    fitOf[index + 1] = definition.needTypeFit[type] ?? NaN;
  });
  const needType = clients.needType;
  const fit = metrics.needTypeFit;
  for (let c = 0; c < n; c += 1) fit[c] = fitOf[needType[c]! + 1]!;
}
