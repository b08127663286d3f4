import { computeFeatures, type ClientFacts, type FeatureSet, type MetricColumns } from './features';
import { scoreComposite, type CompositeScores } from './composite';
import type { ScoringDefinition } from './model';
import { rfmScores } from './rfm';
import { NO_DAY, type Snapshot } from './snapshot';
import { sortedIndexes } from './sort-indexes';
import { abcClasses, lifecycleStage, rankClients, scoreTiers } from './tiers';

/** Bumped whenever a formula changes, so stored results made by an older engine are redone. */
export const ENGINE_VERSION = 5;

export interface ScoreOptions {
  /** The day the scores are "as of", in epoch days: the engine has no clock. */
  asOfDay: number;
  /** From the lifetime-value model, per client (NaN = unknown); optional. */
  pActive?: Float64Array;
  clv12m?: Float64Array;
  /**
   * Called as each stage starts, so a caller can show progress or time the stages (the
   * engine has no clock of its own).
   */
  onStage?: (stage: ScoreStage) => void;
  /**
   * The clients' measures, already computed for this snapshot, as-of day and model (by
   * `updateFeatures`, from the previous run's); computed here when absent.
   */
  features?: FeatureSet;
}

/** The stages of a scoring run, in the order they run. */
export const SCORE_STAGES = ['features', 'composite', 'rank', 'tiers', 'rfm', 'lifecycle'] as const;
export type ScoreStage = (typeof SCORE_STAGES)[number];

/**
 * Every result of a scoring run, one entry per snapshot client (in snapshot order).
 * Archived clients have `scored = 0`, rank 0 and no scores.
 */
export interface ScoreResult extends CompositeScores {
  engineVersion: number;
  asOfDay: number;
  clientIds: readonly string[];
  scored: Uint8Array;
  /** 1 = best. */
  rank: Int32Array;
  /** Client indexes, best first. */
  order: Int32Array;
  /** Effective score tier (index into the model's levels): the pin if any, else computed. */
  tier: Uint8Array;
  computedTier: Uint8Array;
  pinned: Uint8Array;
  /** 0 = A, 1 = B, 2 = C. */
  abc: Uint8Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  /** Index into RFM_SEGMENTS. */
  segment: Uint8Array;
  /** Index into LIFECYCLE_STAGES. */
  lifecycle: Uint8Array;
  /** P(active) per client, NaN when not modelled. */
  pActive: Float64Array;
  churnWarning: Uint8Array;
  metrics: MetricColumns;
  facts: ClientFacts;
}

/**
 * Scores, ranks and tiers every client of a snapshot with a model. Pure and
 * deterministic: the same snapshot, model and options give the same result.
 */
export function scoreClients(
  snapshot: Snapshot,
  definition: ScoringDefinition,
  options: ScoreOptions,
): ScoreResult {
  const { asOfDay } = options;
  const stage = options.onStage ?? ((): void => undefined);
  stage('features');
  const ids = snapshot.clients.ids;
  const n = ids.length;
  const archived = snapshot.clients.archived;
  const scored = new Uint8Array(n);
  for (let c = 0; c < n; c += 1) scored[c] = archived[c] ? 0 : 1;
  const { metrics, facts } =
    options.features ??
    computeFeatures(snapshot, {
      asOfDay,
      definition,
      ...(options.clv12m ? { clv12m: options.clv12m } : {}),
    });
  stage('composite');
  // Revenue in the window is sorted once: for its percentile and for the ABC classes
  // (which read only its positive end, the same whether prospects are in it or not).
  const byRevenue = sortedIndexes(metrics.monetaryTotal, scored);
  const composite = scoreComposite(metrics, definition, scored, { monetaryTotal: byRevenue });
  stage('rank');
  const { order, rank } = rankClients(
    scored,
    composite.composite,
    composite.dimensions.value,
    facts.windowRevenue,
  );
  stage('tiers');
  const computedTier = scoreTiers(order, composite.composite, definition.tiers, n);
  const tier = computedTier.slice();
  const pinned = new Uint8Array(n);
  const levelIndex = new Map(definition.tiers.levels.map((level, index) => [level.id, index]));
  const { pinTier: pins, pinUntilDay } = snapshot.clients;
  for (let c = 0; c < n; c += 1) {
    const pin = pins[c];
    // A pin past its last day no longer overrides: the client is back on its computed tier.
    const until = pinUntilDay[c]!;
    const expired = until !== NO_DAY && until < asOfDay;
    const index =
      !scored[c] || expired || pin === null || pin === undefined ? undefined : levelIndex.get(pin);
    if (index !== undefined) {
      tier[c] = index;
      pinned[c] = 1;
    }
  }
  const abc = abcClasses(order, facts.windowRevenue, definition.abc, n, byRevenue);
  stage('rfm');
  const rfm = rfmScores(scored, facts.purchaseDays, metrics.recencyDays, facts.lifetimeRevenue);
  stage('lifecycle');
  const pActive = options.pActive ?? new Float64Array(n).fill(NaN);
  const lifecycle = new Uint8Array(n);
  const churnWarning = new Uint8Array(n);
  const { valuablePercent, pActiveBelow } = definition.churnWarning;
  const { firstPurchaseDay, lastPurchaseDay, purchaseDays } = facts;
  // Valuable over the last two years, not now: a lapsing client loses its current value.
  const valuable = topShare(facts.recentRevenue, scored, valuablePercent);
  // In client order, not rank order: every column is read in sequence.
  for (let c = 0; c < n; c += 1) {
    if (!scored[c]) continue;
    const first = firstPurchaseDay[c]!;
    const last = lastPurchaseDay[c]!;
    lifecycle[c] = lifecycleStage(
      purchaseDays[c]!,
      last === NO_DAY ? Infinity : asOfDay - last,
      first === NO_DAY ? Infinity : asOfDay - first,
      pActive[c]!,
      definition.lifecycle,
    );
    if (valuable[c] && pActive[c]! < pActiveBelow) churnWarning[c] = 1;
  }
  return {
    ...composite,
    engineVersion: ENGINE_VERSION,
    asOfDay,
    clientIds: ids,
    scored,
    rank,
    order,
    tier,
    computedTier,
    pinned,
    abc,
    ...rfm,
    lifecycle,
    pActive,
    churnWarning,
    metrics,
    facts,
  };
}

/**
 * 1 for the clients among the top `percent` % of those with a positive `values` (the
 * largest first; clients with a value equal to the last one taken are taken too).
 */
export function topShare(values: Float64Array, include: Uint8Array, percent: number): Uint8Array {
  const top = new Uint8Array(values.length);
  const ascending = sortedIndexes(values, include);
  let positive = 0;
  for (let i = ascending.length - 1; i >= 0 && values[ascending[i]!]! > 0; i -= 1) positive += 1;
  const take = Math.ceil((positive * percent) / 100);
  let last = NaN;
  for (let i = ascending.length - 1, taken = 0; i >= ascending.length - positive; i -= 1) {
    const value = values[ascending[i]!]!;
    if (taken >= take && value !== last) break;
    top[ascending[i]!] = 1;
    taken += 1;
    last = value;
  }
  return top;
}
