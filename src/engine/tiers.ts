import type { ScoringDefinition, TierLevel } from './model';
import { sortedIndexes } from './sort-indexes';

/**
 * The total order of scored clients: composite score, high first; ties broken by value
 * score, then revenue in the window, then client id (snapshot order), so the order never
 * depends on the order the data came in. Returns client indexes, best first, and each client's rank
 * (1 = best; 0 for clients not scored).
 */
export function rankClients(
  include: Uint8Array,
  composite: Float64Array,
  value: Float64Array,
  revenue: Float64Array,
): { order: Int32Array; rank: Int32Array } {
  // Descending by sorting the negatives. Ties (rare) compare value, then revenue, high
  // first; a client with no value score counts as −1.
  const negated = new Float64Array(composite.length);
  for (let c = 0; c < composite.length; c += 1) negated[c] = -composite[c]!;
  const valueOf = (c: number): number => (Number.isNaN(value[c]!) ? -1 : value[c]!);
  const order = sortedIndexes(
    negated,
    include,
    (a, b) => valueOf(b) - valueOf(a) || revenue[b]! - revenue[a]!,
  );
  const rank = new Int32Array(include.length);
  order.forEach((c, position) => {
    rank[c] = position + 1;
  });
  return { order, rank };
}

/**
 * Score tiers (VIP / Core / …), as an index into `levels` (best first).
 * - thresholds: the first tier whose `minScore` the composite reaches; below every
 *   threshold, the last tier.
 * - quotas: walking down the ranking, tier k takes ranks up to
 *   round(cumulative quota × N / 100). Clients with the same composite always share a
 *   tier: a tie that straddles a boundary goes to the better tier.
 */
export function scoreTiers(
  order: Int32Array,
  composite: Float64Array,
  tiers: ScoringDefinition['tiers'],
  clients: number,
): Uint8Array {
  const tier = new Uint8Array(clients);
  const levels = tiers.levels;
  const last = levels.length - 1;
  if (tiers.method === 'thresholds') {
    for (const c of order) tier[c] = thresholdTier(composite[c]!, levels);
    return tier;
  }
  const n = order.length;
  const bounds: number[] = [];
  let cumulative = 0;
  for (const level of levels) {
    cumulative += level.quotaPercent;
    bounds.push(Math.round((cumulative * n) / 100));
  }
  let level = 0;
  for (let p = 0; p < n; p += 1) {
    const c = order[p]!;
    while (level < last && p >= bounds[level]!) level += 1;
    const previous = p > 0 ? order[p - 1]! : -1;
    tier[c] = previous >= 0 && composite[previous] === composite[c] ? tier[previous]! : level;
  }
  return tier;
}

function thresholdTier(score: number, levels: readonly TierLevel[]): number {
  for (let l = 0; l < levels.length; l += 1) if (score >= levels[l]!.minScore) return l;
  return levels.length - 1;
}

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];

/**
 * ABC / Pareto classes by revenue over the evaluation window: clients are taken by revenue, highest
 * first (ties in rank order); a client is A while the revenue of the clients before it is
 * under `aPercent` of the total (so the client that crosses 80% is still A), B while it is
 * under `aPercent + bPercent`, C after. No positive revenue: C.
 * @param ascending the ranked clients in ascending order of revenue (ties by index), as
 *   `sortedIndexes(revenue, scored)` gives them; scoring sorts revenue once for this and
 *   for its percentile.
 * Returns 0 = A, 1 = B, 2 = C.
 */
export function abcClasses(
  order: Int32Array,
  revenue: Float64Array,
  abc: ScoringDefinition['abc'],
  clients: number,
  ascending: Int32Array = sortedIndexes(revenue, rankedClients(order, clients)),
): Uint8Array {
  const classes = new Uint8Array(clients).fill(2);
  const rank = new Int32Array(clients);
  for (let position = 0; position < order.length; position += 1) rank[order[position]!] = position;
  // Only clients with positive revenue take part, highest first: the top of the ascending
  // order, read backwards, with each run of equal revenue put in rank order.
  let first = ascending.length;
  while (first > 0 && revenue[ascending[first - 1]!]! > 0) first -= 1;
  const byRevenue = ascending.slice(first).reverse();
  for (let start = 0; start < byRevenue.length;) {
    const amount = revenue[byRevenue[start]!]!;
    let end = start + 1;
    while (end < byRevenue.length && revenue[byRevenue[end]!] === amount) end += 1;
    if (end - start > 1) {
      // Ties are common (retainers, list prices): sort their ranks natively, no comparator,
      // and read the clients back from the ranking.
      const ranks = new Int32Array(end - start);
      for (let k = start; k < end; k += 1) ranks[k - start] = rank[byRevenue[k]!]!;
      ranks.sort();
      for (let k = start; k < end; k += 1) byRevenue[k] = order[ranks[k - start]!]!;
    }
    start = end;
  }
  let total = 0;
  for (const c of byRevenue) total += revenue[c]!;
  let before = 0;
  for (const c of byRevenue) {
    const amount = revenue[c]!;
    const share = (before / total) * 100;
    classes[c] = share < abc.aPercent ? 0 : share < abc.aPercent + abc.bPercent ? 1 : 2;
    before += amount;
  }
  return classes;
}

/** 1 for each client in `order`. */
function rankedClients(order: Int32Array, clients: number): Uint8Array {
  const ranked = new Uint8Array(clients);
  for (const c of order) ranked[c] = 1;
  return ranked;
}

export const LIFECYCLE_STAGES = ['prospect', 'new', 'active', 'dormant', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * Lifecycle stage, first rule that applies:
 * prospect (no purchase yet); churned (no purchase for `churnedDays`, or P(active) below
 * `churnedBelow`); dormant (no purchase for `dormantDays`, or P(active) below
 * `dormantBelow`); new (first purchase within `newDays`); active otherwise.
 * P(active) is used only when the lifetime-value model supplies it (NaN = unknown).
 */
export function lifecycleStage(
  purchaseDays: number,
  daysSinceLast: number,
  daysSinceFirst: number,
  pActive: number,
  rules: ScoringDefinition['lifecycle'],
): number {
  if (purchaseDays === 0) return 0;
  const known = !Number.isNaN(pActive);
  if (daysSinceLast >= rules.churnedDays || (known && pActive < rules.churnedBelow)) return 4;
  if (daysSinceLast >= rules.dormantDays || (known && pActive < rules.dormantBelow)) return 3;
  if (daysSinceFirst < rules.newDays) return 1;
  return 2;
}
