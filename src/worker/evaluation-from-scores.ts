import {
  countTiers,
  DIMENSION_KEYS,
  NO_DAY,
  positionsOf,
  tierFloors,
  withHysteresis,
  withUpgradesHeld,
  type DimensionKey,
  type Evaluation,
  type EvaluationMeta,
} from '$engine/index';
import type { ScoresRecord } from '$db/derived-records';
import { toEpochDay } from '$lib/dates';
import type { ScoringModel } from '$schema/scoring-model';

/**
 * An evaluation of the current scores: every scored client, best first, with the tier its
 * score earns — held back by the model's hysteresis margin against `previous`, the last
 * evaluation, when there is one, and kept from rising above its previous tier for the
 * clients in `upgradesHeld` (an open serious complaint; docs/scoring.md, "Evaluations").
 */
export function evaluationFromScores(
  scores: ScoresRecord,
  model: ScoringModel,
  previous: Evaluation | undefined,
  meta: Pick<EvaluationMeta, 'id' | 'takenAt' | 'trigger' | 'label'>,
  upgradesHeld: ReadonlySet<string> = new Set(),
): Evaluation {
  const order = scoredBestFirst(scores);
  const n = order.length;
  const pick = <T extends Uint8Array | Float32Array | Float64Array>(
    column: T,
    make: (n: number) => T,
  ): T => {
    const out = make(n);
    order.forEach((c, i) => (out[i] = column[c] ?? 0));
    return out;
  };
  const asOfDay = toEpochDay(scores.asOf);
  const daysSince = (days: Int32Array): Int32Array => {
    const out = new Int32Array(n);
    order.forEach((c, i) => {
      const day = days[c] ?? NO_DAY;
      out[i] = day === NO_DAY ? -1 : Math.max(0, asOfDay - day);
    });
    return out;
  };
  const ids = order.map((c) => scores.clientIds[c] ?? '');
  const score = pick(scores.composite, (k) => new Float32Array(k));
  const computed = pick(scores.computedTier, (k) => new Uint8Array(k));
  const pinned = pick(scores.pinned, (k) => new Uint8Array(k));
  const effective = pick(scores.tier, (k) => new Uint8Array(k));
  const { tiers } = model.definition;
  const margin = tiers.hysteresisPoints ?? 0;
  let tier = effective;
  if (margin > 0 && previous) {
    const held = withHysteresis(
      computed,
      previousTiers(previous, ids, tiers.levels),
      pinned,
      score,
      tierFloors(tiers, computed, score),
      margin,
    );
    tier = Uint8Array.from(effective, (t, i) => (pinned[i] ? t : (held[i] ?? t)));
  }
  if (upgradesHeld.size > 0 && previous) {
    const blocked = Uint8Array.from(ids, (id) => (upgradesHeld.has(id) ? 1 : 0));
    tier = withUpgradesHeld(tier, previousTiers(previous, ids, tiers.levels), pinned, blocked);
  }
  const levels = tiers.levels.map(({ id, names, colour }) => ({ id, names, colour }));
  return {
    ...meta,
    asOf: scores.asOf,
    modelId: scores.modelId,
    modelUpdatedAt: scores.modelUpdatedAt,
    engineVersion: scores.engineVersion,
    tiers: levels,
    clients: n,
    tierCounts: countTiers(tier, levels.length),
    columns: {
      clientIds: ids,
      tier,
      pinned,
      score,
      abc: pick(scores.abc, (k) => new Uint8Array(k)),
      segment: pick(scores.segment, (k) => new Uint8Array(k)),
      lifecycle: pick(scores.lifecycle, (k) => new Uint8Array(k)),
      pActive: pick(scores.pActive, (k) => new Float32Array(k)),
      churnWarning: pick(scores.churnWarning, (k) => new Uint8Array(k)),
      // To the cent, as a backup keeps it: a restored evaluation is stored byte for byte.
      revenue: pick(scores.windowRevenue, (k) => new Float64Array(k)).map(
        (v) => Math.round(v * 100) / 100,
      ),
      daysSincePurchase: daysSince(scores.lastPurchaseDay),
      daysSinceContact: daysSince(scores.lastContactDay),
      dimensions: Object.fromEntries(
        DIMENSION_KEYS.map((key) => [
          key,
          pick(scores.dimensions[key], (k) => new Float32Array(k)),
        ]),
      ) as Record<DimensionKey, Float32Array>, // one entry per dimension key
    },
  };
}

/** Indexes of the scored clients, by rank (ranks run 1…n over the scored clients: no sort). */
function scoredBestFirst(scores: ScoresRecord): number[] {
  let n = 0;
  for (let c = 0; c < scores.rank.length; c += 1) if (scores.scored[c] && scores.rank[c]) n += 1;
  const order = new Array<number>(n);
  scores.rank.forEach((rank, c) => {
    if (scores.scored[c] && rank > 0 && rank <= n) order[rank - 1] = c;
  });
  return order;
}

/**
 * Each client's tier at the previous evaluation, as an index into today's levels (by tier
 * id); −1 for a client it did not hold, a tier the model no longer has, or a tier pinned by
 * hand then (a pin is no tier the score earned: nothing to hold once it is removed).
 */
function previousTiers(
  previous: Evaluation,
  ids: readonly string[],
  levels: readonly { id: string }[],
): Int16Array {
  const positions = positionsOf(previous.columns);
  const mapped = previous.tiers.map((tier) => levels.findIndex((level) => level.id === tier.id));
  return Int16Array.from(ids, (id) => {
    const i = positions.get(id);
    if (i === undefined || previous.columns.pinned[i]) return -1;
    return mapped[previous.columns.tier[i] ?? -1] ?? -1;
  });
}
