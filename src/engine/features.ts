import { METRIC_KEYS, NEED_TYPE_KEYS, type MetricKey, type ScoringDefinition } from './model';
import { NO_DAY, type Snapshot } from './snapshot';

/** Per-client measures, one column per metric; NaN means "no data" (see docs/scoring.md). */
export type MetricColumns = Record<MetricKey, Float64Array>;

/** Facts the views show beside the scores. */
export interface ClientFacts {
  /** Net revenue (refunds subtracted) over the evaluation window, in currency units. */
  windowRevenue: Float64Array;
  /** Net revenue over the whole history. */
  lifetimeRevenue: Float64Array;
  /** Distinct days with a purchase, whole history. */
  purchaseDays: Int32Array;
  /** Epoch day of the first and last purchase, or NO_DAY. */
  firstPurchaseDay: Int32Array;
  lastPurchaseDay: Int32Array;
  /** Epoch day of the last interaction, or NO_DAY. */
  lastContactDay: Int32Array;
  resolvedComplaints: Int32Array;
}

export interface FeatureSet {
  metrics: MetricColumns;
  facts: ClientFacts;
}

export interface FeatureOptions {
  asOfDay: number;
  definition: Pick<ScoringDefinition, 'windowDays' | 'hourlyRate' | 'needTypeFit'>;
  /** Predicted 12-month value per client (NaN when unknown), from the lifetime-value model. */
  clv12m?: Float64Array;
}

const YEAR_DAYS = 365;

/**
 * Computes every metric for every client in one pass over each record column. Records
 * dated after the as-of day are ignored, so the same data scored "as of" an earlier day
 * gives what the app would have said that day.
 */
export function computeFeatures(snapshot: Snapshot, options: FeatureOptions): FeatureSet {
  const n = snapshot.clients.ids.length;
  const { asOfDay, definition } = options;
  const windowStart = asOfDay - definition.windowDays; // exclusive
  const previousStart = windowStart - definition.windowDays;
  const metrics = Object.fromEntries(
    METRIC_KEYS.map((key) => [key, new Float64Array(n).fill(NaN)]),
  ) as MetricColumns; // every key is filled just above
  const facts: ClientFacts = {
    windowRevenue: new Float64Array(n),
    lifetimeRevenue: new Float64Array(n),
    purchaseDays: new Int32Array(n),
    firstPurchaseDay: new Int32Array(n).fill(NO_DAY),
    lastPurchaseDay: new Int32Array(n).fill(NO_DAY),
    lastContactDay: new Int32Array(n).fill(NO_DAY),
    resolvedComplaints: new Int32Array(n),
  };
  const referrals = countReferrals(snapshot.clients);
  // Columns and settings in locals: this loop runs once per transaction.
  const { offsets, day: dayColumn, amount: amountColumn, cost: costColumn } = snapshot.transactions;
  const { hours: hoursColumn, dueDay: dueColumn, paidDay: paidColumn } = snapshot.transactions;
  const hourlyRate = definition.hourlyRate;

  for (let c = 0; c < n; c += 1) {
    let lifetime = 0;
    let lifetimePurchaseValue = 0;
    let purchases = 0;
    let days = 0;
    let lastDay = NO_DAY;
    let firstDay = NO_DAY;
    let windowRevenue = 0;
    let windowDays = 0;
    let previousRevenue = 0;
    let windowCost = 0;
    let dueCount = 0;
    let onTime = 0;
    let lateDays = 0;
    const end = offsets[c + 1]!;
    for (let k = offsets[c]!; k < end; k += 1) {
      const day = dayColumn[k]!;
      if (day > asOfDay) break; // rows are in date order
      const amount = amountColumn[k]!;
      lifetime += amount;
      const inWindow = day > windowStart;
      if (inWindow) {
        windowRevenue += amount;
        const cost = costColumn[k]!;
        const hours = hoursColumn[k]!;
        windowCost +=
          (Number.isNaN(cost) ? 0 : cost) + (Number.isNaN(hours) ? 0 : hours * hourlyRate);
      } else if (day > previousStart) {
        previousRevenue += amount;
      }
      if (amount > 0) {
        purchases += 1;
        lifetimePurchaseValue += amount;
        // Several invoices on one day are one purchase.
        if (day !== lastDay) {
          days += 1;
          if (inWindow) windowDays += 1;
        }
        if (firstDay === NO_DAY) firstDay = day;
        lastDay = day;
      }
      const due = dueColumn[k]!;
      if (amount > 0 && due !== NO_DAY) {
        const paid = paidColumn[k]!;
        const settled = paid !== NO_DAY && paid <= asOfDay;
        // Count an invoice once it is paid or overdue; one not yet due says nothing.
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
    facts.lifetimeRevenue[c] = lifetime;
    facts.windowRevenue[c] = windowRevenue;
    facts.purchaseDays[c] = days;
    facts.firstPurchaseDay[c] = firstDay;
    facts.lastPurchaseDay[c] = lastDay;
    metrics.monetaryTotal[c] = windowRevenue; // the same column: scoring sorts it once for both
    metrics.frequency[c] = windowDays;
    metrics.profit[c] = windowRevenue - windowCost;
    metrics.referrals[c] = referrals[c]!;
    if (windowRevenue > 0) metrics.margin[c] = (windowRevenue - windowCost) / windowRevenue;
    if (purchases > 0) {
      metrics.recencyDays[c] = asOfDay - lastDay;
      metrics.averageOrderValue[c] = lifetimePurchaseValue / purchases;
      const tenure = asOfDay - firstDay;
      metrics.tenureDays[c] = tenure;
      metrics.repurchaseRate[c] = ((days - 1) / Math.max(tenure, 30)) * YEAR_DAYS;
    }
    const larger = Math.max(Math.abs(windowRevenue), Math.abs(previousRevenue));
    if (larger > 0) metrics.spendTrend[c] = (windowRevenue - previousRevenue) / larger;
    if (dueCount > 0) {
      metrics.onTimeShare[c] = onTime / dueCount;
      metrics.meanDaysLate[c] = lateDays / dueCount;
    }
  }

  addRecordMetrics(snapshot, asOfDay, metrics, facts);
  addRatings(snapshot, definition, metrics);
  if (options.clv12m) metrics.clv12m.set(options.clv12m);
  return { metrics, facts };
}

/**
 * Referrals given, per client. Clients are sorted by id, so each referrer is found by
 * binary search: no id map to build on every run.
 */
function countReferrals(clients: Snapshot['clients']): Int32Array {
  const { ids, referrerId } = clients;
  const counts = new Int32Array(ids.length);
  for (const id of referrerId) {
    if (id === null) continue;
    let low = 0;
    let high = ids.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ids[middle]! < id) low = middle + 1;
      else high = middle;
    }
    if (ids[low] === id) counts[low]! += 1;
  }
  return counts;
}

/** Satisfaction, complaints and last contact, from their own columns. */
function addRecordMetrics(
  snapshot: Snapshot,
  asOfDay: number,
  metrics: MetricColumns,
  facts: ClientFacts,
): void {
  const n = snapshot.clients.ids.length;
  const { feedback, complaints, interactions } = snapshot;
  for (let c = 0; c < n; c += 1) {
    // Satisfaction: the mean of the latest three answers, so it follows the relationship
    // as it is now rather than as it was years ago.
    let sum = 0;
    let count = 0;
    for (let k = feedback.offsets[c + 1]! - 1; k >= feedback.offsets[c]! && count < 3; k -= 1) {
      if (feedback.day[k]! > asOfDay) continue;
      sum += feedback.score[k]!;
      count += 1;
    }
    if (count > 0) metrics.satisfaction[c] = sum / count;

    let open = 0;
    let resolved = 0;
    for (let k = complaints.offsets[c]!; k < complaints.offsets[c + 1]!; k += 1) {
      if (complaints.openedDay[k]! > asOfDay) continue;
      const resolvedDay = complaints.resolvedDay[k]!;
      if (resolvedDay !== NO_DAY && resolvedDay <= asOfDay) resolved += 1;
      else open += 1;
    }
    metrics.openComplaints[c] = open;
    facts.resolvedComplaints[c] = resolved;

    // The latest contact on or before the as-of day: rows are in date order, so walk back.
    let last = NO_DAY;
    for (let k = interactions.offsets[c + 1]! - 1; k >= interactions.offsets[c]!; k -= 1) {
      const day = interactions.day[k]!;
      if (day <= asOfDay) {
        last = day;
        break;
      }
    }
    facts.lastContactDay[c] = last;
    if (last !== NO_DAY) metrics.daysSinceContact[c] = asOfDay - last;
  }
}

/**
 * A stored rating byte as a metric value: 0 (not rated) is no data. A table rather than a
 * test, because whether a client is rated is a coin toss to the CPU's branch predictor.
 */
const RATING_VALUE = Float64Array.from({ length: 256 }, (_, byte) => (byte === 0 ? NaN : byte));

/** The 1–5 ratings of the profile, and the fit of the client's need type. */
function addRatings(
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
  for (let c = 0; c < n; c += 1) {
    const type = NEED_TYPE_KEYS[clients.needType[c]!];
    const fit = type === undefined ? undefined : definition.needTypeFit[type];
    if (fit !== undefined) metrics.needTypeFit[c] = fit;
  }
}
