import { METRIC_KEYS, NEED_TYPE_KEYS, type MetricKey, type ScoringDefinition } from './model';
import { BalanceTally } from './invoices';
import { clientIndex, NO_DAY, transactionDays, type Snapshot } from './snapshot';

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
  /**
   * Net revenue over the last `VALUE_HISTORY_DAYS` (two years): how valuable the client
   * has been lately, which a client lapsing now keeps for a while (the churn warning).
   */
  recentRevenue: Float64Array;
  /** What the client owes on the as-of day (unpaid invoices less open credit), in currency units. */
  outstanding: Float64Array;
  /** The part of it past its due date (invoices.ts, `BalanceTally`). */
  overdue: Float64Array;
}

export interface FeatureSet {
  metrics: MetricColumns;
  facts: ClientFacts;
  /** What the per-client measures depend on besides the client's own records. */
  basis: FeatureBasis;
}

/**
 * The settings every client's measures were computed with: while they stay the same, a
 * client's measures change only with its own records (see `updateFeatures`).
 */
export interface FeatureBasis {
  asOfDay: number;
  windowDays: number;
  hourlyRate: number;
  dormantDays: number;
  /** Whether the base's history covers both trend windows. */
  trendKnown: boolean;
}

export interface FeatureOptions {
  asOfDay: number;
  definition: Pick<ScoringDefinition, 'windowDays' | 'hourlyRate' | 'needTypeFit' | 'lifecycle'>;
  /** Predicted 12-month value per client (NaN when unknown), from the lifetime-value model. */
  clv12m?: Float64Array;
}

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
 * Computes every metric for every client in one pass over each record column. Records
 * dated after the as-of day are ignored, so the same data scored "as of" an earlier day
 * gives what the app would have said that day.
 */
export function computeFeatures(snapshot: Snapshot, options: FeatureOptions): FeatureSet {
  const n = snapshot.clients.ids.length;
  const features: FeatureSet = {
    metrics: emptyMetrics(n),
    facts: emptyFacts(n),
    basis: featureBasis(snapshot, options),
  };
  clientMeasures(snapshot, features, null);
  return withBaseMeasures(features, snapshot, options);
}

/** Earlier measures, for the clients `ids` (sorted, as snapshot clients are). */
export interface PreviousFeatures {
  ids: readonly string[];
  features: FeatureSet;
}

/**
 * The measures of a base that changed a little since `previous`: the clients in
 * `changedIds` and new ones are measured again, the others keep theirs (a few
 * milliseconds for one client of 50,000, where measuring everyone reads every record).
 * Equal to `computeFeatures(snapshot, options)`; that is what it does when the settings
 * the measures depend on differ (`FeatureBasis`), when the as-of day moved, for instance.
 *
 * When the snapshot has the very client list `previous` was measured on (a snapshot
 * patched in place), the previous columns are updated in place and returned: `previous`
 * is then spent. Otherwise new columns are filled.
 */
export function updateFeatures(
  previous: PreviousFeatures,
  snapshot: Snapshot,
  options: FeatureOptions,
  changedIds: ReadonlySet<string>,
): FeatureSet {
  const basis = featureBasis(snapshot, options);
  if (!sameBasis(basis, previous.features.basis)) return computeFeatures(snapshot, options);
  const ids = snapshot.clients.ids;
  if (ids === previous.ids) {
    const features = { ...previous.features, basis };
    const stale = [...changedIds].map((id) => clientIndex(ids, id)).filter((c) => c >= 0);
    for (const c of stale) clearClient(features, c);
    clientMeasures(snapshot, features, Int32Array.from(stale));
    return withBaseMeasures(features, snapshot, options);
  }
  const n = ids.length;
  const features: FeatureSet = { metrics: emptyMetrics(n), facts: emptyFacts(n), basis };
  const columns = [...Object.values(features.metrics), ...Object.values(features.facts)] as (
    Float64Array | Int32Array
  )[]; // every measure column
  const before = [
    ...Object.values(previous.features.metrics),
    ...Object.values(previous.features.facts),
  ] as (Float64Array | Int32Array)[]; // the same columns, in the same key order
  // Both id lists are sorted: one merge walk finds each client's previous place.
  const stale: number[] = [];
  let p = 0;
  for (let c = 0; c < n; c += 1) {
    const id = ids[c]!;
    while (p < previous.ids.length && previous.ids[p]! < id) p += 1;
    if (p < previous.ids.length && previous.ids[p] === id && !changedIds.has(id)) {
      for (let k = 0; k < columns.length; k += 1) columns[k]![c] = before[k]![p]!;
    } else {
      stale.push(c);
    }
  }
  clientMeasures(snapshot, features, Int32Array.from(stale));
  return withBaseMeasures(features, snapshot, options);
}

function emptyMetrics(n: number): MetricColumns {
  return Object.fromEntries(
    METRIC_KEYS.map((key) => [key, new Float64Array(n).fill(NaN)]),
  ) as MetricColumns; // every key, filled
}

/** One client's entries back to what `emptyMetrics` and `emptyFacts` hold. */
function clearClient(features: FeatureSet, c: number): void {
  for (const column of Object.values(features.metrics)) column[c] = NaN;
  for (const key of FACT_KEYS) features.facts[key][c] = FACT_DEFAULTS[key];
}

/** Each fact before a client's records are read: nothing bought, no day. */
const FACT_DEFAULTS: Readonly<Record<keyof ClientFacts, number>> = {
  windowRevenue: 0,
  lifetimeRevenue: 0,
  purchaseDays: 0,
  firstPurchaseDay: NO_DAY,
  lastPurchaseDay: NO_DAY,
  lastContactDay: NO_DAY,
  resolvedComplaints: 0,
  recentRevenue: 0,
  outstanding: 0,
  overdue: 0,
};
const FACT_KEYS = Object.keys(FACT_DEFAULTS) as (keyof ClientFacts)[]; // the keys just listed

function emptyFacts(n: number): ClientFacts {
  const days = (key: keyof ClientFacts): Int32Array => new Int32Array(n).fill(FACT_DEFAULTS[key]);
  return {
    windowRevenue: new Float64Array(n),
    lifetimeRevenue: new Float64Array(n),
    purchaseDays: days('purchaseDays'),
    firstPurchaseDay: days('firstPurchaseDay'),
    lastPurchaseDay: days('lastPurchaseDay'),
    lastContactDay: days('lastContactDay'),
    resolvedComplaints: days('resolvedComplaints'),
    recentRevenue: new Float64Array(n),
    outstanding: new Float64Array(n),
    overdue: new Float64Array(n),
  };
}

function featureBasis(snapshot: Snapshot, options: FeatureOptions): FeatureBasis {
  const { asOfDay, definition } = options;
  const previousStart = asOfDay - 2 * definition.windowDays;
  return {
    asOfDay,
    windowDays: definition.windowDays,
    hourlyRate: definition.hourlyRate,
    dormantDays: definition.lifecycle.dormantDays,
    // The spend trend compares the two windows only where the base's history covers
    // both: with nine days of data before the window, every client would look like growth.
    trendKnown: (transactionDays(snapshot)?.first ?? Infinity) <= previousStart + 1,
  };
}

function sameBasis(a: FeatureBasis, b: FeatureBasis): boolean {
  return (
    a.asOfDay === b.asOfDay &&
    a.windowDays === b.windowDays &&
    a.hourlyRate === b.hourlyRate &&
    a.dormantDays === b.dormantDays &&
    a.trendKnown === b.trendKnown
  );
}

/**
 * The measures that depend on more than the client's own records, for every client:
 * referrals given (other clients name the referrer), the profile's ratings and their fit
 * to the model (cheap), and the predicted value.
 */
function withBaseMeasures(
  features: FeatureSet,
  snapshot: Snapshot,
  options: FeatureOptions,
): FeatureSet {
  features.metrics.referrals.set(countReferrals(snapshot.clients));
  addRatings(snapshot, options.definition, features.metrics);
  if (options.clv12m) features.metrics.clv12m.set(options.clv12m);
  else features.metrics.clv12m.fill(NaN);
  return features;
}

/**
 * Every measure of a client that comes from its own invoices, feedback, complaints and
 * contacts: for every client (`only` null), or for those listed, whose entries must hold
 * the empty defaults.
 */
function clientMeasures(snapshot: Snapshot, features: FeatureSet, only: Int32Array | null): void {
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
function countReferrals(clients: Snapshot['clients']): Float64Array {
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
  // The fit of each need type, by its stored index (−1, not set, is no data).
  const fitOf = new Float64Array(NEED_TYPE_KEYS.length + 1).fill(NaN);
  NEED_TYPE_KEYS.forEach((type, index) => {
    fitOf[index + 1] = definition.needTypeFit[type] ?? NaN;
  });
  const needType = clients.needType;
  const fit = metrics.needTypeFit;
  for (let c = 0; c < n; c += 1) fit[c] = fitOf[needType[c]! + 1]!;
}
