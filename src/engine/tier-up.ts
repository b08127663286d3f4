import { DIMENSION_KEYS, type MetricKey, type MetricSpec, type ScoringDefinition } from './model';
import type { MetricSlot } from './composite';

/** One run's columns, as the scores record keeps them (slot j of client c at `j * n + c`). */
export interface TierUpScores {
  slots: readonly MetricSlot[];
  /** Raw metric values, NaN = no data. */
  metricValues: ArrayLike<number>;
  /** Normalised values, 0–1 with the direction applied, NaN = no data. */
  normalised: ArrayLike<number>;
  composite: ArrayLike<number>;
  computedTier: ArrayLike<number>;
  scored: ArrayLike<number>;
}

/** One input that, changed alone, lifts the client into the tier above. */
export interface TierUpOption {
  metric: MetricKey;
  /** The client's value now, NaN when it has none. */
  now: number;
  /** The value it would need (the nearest the data allow). */
  needed: number;
}

export interface TierUp {
  /** Index of the tier above the client's computed tier. */
  tier: number;
  /** The composite that tier starts at for this client. */
  target: number;
  /** Up to `limit` inputs (3 by default), the smallest change first (in normalised terms). */
  options: TierUpOption[];
}

const MAX_OPTIONS = 3;

/**
 * Measures that are not inputs anyone can set: time alone (tenure), predictions (the
 * 12-month value) and figures derived from other measures (repurchase rate, margin, spend
 * trend). Advice to change them is no advice.
 */
const DERIVED: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'tenureDays',
  'clv12m',
  'repurchaseRate',
  'margin',
  'spendTrend',
]);

/**
 * Measures a client without data can be given alone: a rating, a satisfaction answer, a
 * referral. (A first invoice changes revenue, purchases, profit and recency at once: one
 * measure alone cannot describe it.)
 */
const ADDABLE: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'needTypeFit',
  'needStrength',
  'needUrgency',
  'budget',
  'growthRoom',
  'influence',
  'satisfaction',
  'referrals',
]);

/** Measures counted in whole units: a rating of 4, three purchase days, a referral. */
const WHOLE: ReadonlySet<MetricKey> = new Set<MetricKey>([
  'frequency',
  'needStrength',
  'needUrgency',
  'budget',
  'growthRoom',
  'influence',
  'needTypeFit',
  'referrals',
  'openComplaints',
  'recencyDays',
  'tenureDays',
  'daysSinceContact',
  'meanDaysLate',
]);

/**
 * What would move client `c` up one score tier: for every measure of the model that is an
 * input (not `DERIVED`), the smallest change of that measure alone (every other value as
 * it is, the other clients as they are) that brings the composite to the tier above — its
 * threshold, or with quotas the lowest score in it. A measure without data that can be
 * given alone (`ADDABLE`) counts as if the client now had it, its weight shared in again. Options are sorted by how far the normalised value moves; a
 * measure that cannot do it alone is left out. Null for the top tier.
 */
export function tierUp(
  scores: TierUpScores,
  definition: Pick<ScoringDefinition, 'dimensions' | 'tiers'>,
  c: number,
  limit = MAX_OPTIONS,
): TierUp | null {
  const n = scores.composite.length;
  const tier = scores.computedTier[c]!;
  if (tier === 0 || !scores.scored[c]) return null;
  const levels = definition.tiers.levels;
  let target = levels[tier - 1]!.minScore;
  if (definition.tiers.method === 'quotas') {
    target = Infinity;
    for (let k = 0; k < n; k += 1) {
      if (scores.scored[k] && scores.computedTier[k] === tier - 1) {
        target = Math.min(target, scores.composite[k]!);
      }
    }
    if (target === Infinity) return null;
  }
  const specs = scores.slots.map((slot) => specOf(definition, slot));
  const xs = scores.slots.map((_, j) => scores.normalised[j * n + c]!);
  const options: (TierUpOption & { distance: number })[] = [];
  scores.slots.forEach((slot, j) => {
    const spec = specs[j];
    if (!spec || DERIVED.has(slot.metric)) return;
    if (Number.isNaN(xs[j]!) && !ADDABLE.has(slot.metric)) return;
    const at = (x: number): number => {
      const changed = xs.slice();
      changed[j] = x;
      return compositeOf(changed, scores.slots, definition);
    };
    if (at(1) < target - 1e-9) return;
    const from = Number.isNaN(xs[j]!) ? 0 : xs[j]!;
    // The composite grows with x: bisect for the least x that reaches the target.
    let lo = Number.isNaN(xs[j]!) ? 0 : xs[j]!;
    let hi = 1;
    if (at(lo) >= target) hi = lo;
    for (let step = 0; step < 50 && hi - lo > 1e-9; step += 1) {
      const mid = (lo + hi) / 2;
      if (at(mid) >= target) hi = mid;
      else lo = mid;
    }
    const needed = rawValueFor(hi, spec, scores, j, c);
    if (needed === null) return;
    const now = scores.metricValues[j * n + c]!;
    options.push({ metric: slot.metric, now, needed, distance: hi - from });
  });
  options.sort((a, b) => a.distance - b.distance);
  return {
    tier: tier - 1,
    target,
    options: options.slice(0, limit).map(({ metric, now, needed }) => ({
      metric,
      now,
      needed,
    })),
  };
}

function specOf(
  definition: Pick<ScoringDefinition, 'dimensions'>,
  slot: MetricSlot,
): MetricSpec | undefined {
  return definition.dimensions[slot.dimension].metrics.find((m) => m.metric === slot.metric);
}

/** A client's composite from its normalised values (docs/scoring.md, section 3). */
export function compositeOf(
  xs: readonly number[],
  slots: readonly MetricSlot[],
  definition: Pick<ScoringDefinition, 'dimensions'>,
): number {
  let total = 0;
  let present = 0;
  for (const dimension of DIMENSION_KEYS) {
    let sum = 0;
    let weights = 0;
    slots.forEach((slot, j) => {
      if (slot.dimension !== dimension || Number.isNaN(xs[j]!)) return;
      sum += slot.weight * xs[j]!;
      weights += slot.weight;
    });
    if (weights === 0) continue;
    const w = definition.dimensions[dimension].weight;
    total += (w * 100 * sum) / weights;
    present += w;
  }
  return present === 0 ? 0 : total / present;
}

/**
 * The raw value of slot j whose normalised value (direction applied) reaches `x`: the
 * inverse of its normalisation, against the other clients for percentile and min–max,
 * rounded the way the measure is counted. Null when no value reaches it.
 */
function rawValueFor(
  x: number,
  spec: MetricSpec,
  scores: TierUpScores,
  j: number,
  c: number,
): number | null {
  const lower = spec.direction === 'lower';
  const r = lower ? 1 - x : x; // the normalised value before the direction
  const whole = WHOLE.has(spec.metric);
  const round = (v: number): number =>
    whole
      ? lower
        ? Math.floor(v + 1e-9)
        : Math.ceil(v - 1e-9)
      : lower
        ? floorCents(v)
        : ceilCents(v);
  const n = scores.composite.length;
  const { normalisation } = spec;
  if (normalisation.kind === 'fixed') {
    return round(normalisation.min + r * (normalisation.max - normalisation.min));
  }
  // A typed array sorts numerically, natively: no comparator called 50,000 × log times.
  const values = new Float64Array(n);
  let count = 0;
  for (let k = 0; k < n; k += 1) {
    const v = scores.metricValues[j * n + k]!;
    if (k !== c && scores.scored[k] && !Number.isNaN(v)) values[count++] = v;
  }
  if (count === 0) return null;
  const others = values.subarray(0, count).sort();
  if (normalisation.kind === 'minmax') {
    const lo = others[0]!;
    const hi = others[others.length - 1]!;
    return round(lo + r * (hi - lo));
  }
  // Percentile among everyone with data, this client included (`normalise`): (below +
  // equal / 2) / m, m the number of others, but 0 at the lowest value and 1 at the highest.
  // Candidates: the others' values, and just past each end.
  const m = others.length;
  // Counted by binary search in the sorted others: a count by scanning them, for each of
  // the candidates below, took seconds at 50,000 clients.
  const percentile = (v: number): number => {
    const below = firstAtLeast(others, v, false);
    const equal = firstAtLeast(others, v, true) - below;
    if (below === 0 && equal === m) return 0.5;
    if (below === 0) return 0;
    if (below + equal === m) return 1;
    return (below + equal / 2) / m;
  };
  const step = whole ? 1 : 0.01;
  const candidates = [others[0]! - step, ...others, others[m - 1]! + step];
  if (lower) {
    // Smaller is better: the largest value whose share of others above it is enough.
    for (let i = candidates.length - 1; i >= 0; i -= 1) {
      if (1 - percentile(candidates[i]!) >= x - 1e-9) return round(candidates[i]!);
    }
    return null;
  }
  for (const v of candidates) if (percentile(v) >= r - 1e-9) return round(v);
  return null;
}

/** The first index of ascending `sorted` whose value is ≥ `v` (> `v` when `past`). */
function firstAtLeast(sorted: Float64Array, v: number, past: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const x = sorted[middle]!;
    if (x < v || (past && x === v)) low = middle + 1;
    else high = middle;
  }
  return low;
}

const ceilCents = (v: number): number => Math.ceil(v * 100 - 1e-6) / 100;
const floorCents = (v: number): number => Math.floor(v * 100 + 1e-6) / 100;
