import { METRIC_KEYS, type MetricKey, type ScoringDefinition } from './model';
import { addRatings, clientMeasures, countReferrals } from './feature-measures';
import { NO_DAY, transactionDays, type Snapshot } from './snapshot';
import { clientIndex } from './snapshot-merge';

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
   * Net revenue over the last `VALUE_HISTORY_DAYS` (two years, feature-measures.ts): how valuable the client
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
