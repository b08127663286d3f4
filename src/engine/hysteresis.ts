import type { ScoringDefinition } from './model';

/**
 * The lowest score of each tier, best tier first: the threshold for threshold tiers; for
 * quotas, the lowest score the tier holds now (a tier nobody holds takes the boundary of
 * the tier below it). The last tier has no floor (−Infinity).
 */
export function tierFloors(
  tiers: ScoringDefinition['tiers'],
  computedTier: Uint8Array,
  score: Float32Array | Float64Array,
): number[] {
  const last = tiers.levels.length - 1;
  if (tiers.method === 'thresholds') {
    return tiers.levels.map((level, l) => (l === last ? -Infinity : level.minScore));
  }
  const floors = new Array<number>(tiers.levels.length).fill(Infinity);
  computedTier.forEach((t, c) => {
    if (t < last && score[c]! < floors[t]!) floors[t] = score[c]!;
  });
  floors[last] = -Infinity;
  for (let l = last - 1; l >= 0; l -= 1) if (floors[l] === Infinity) floors[l] = floors[l + 1]!;
  return floors;
}

/**
 * Tiers with a hysteresis margin (docs/scoring.md, "Evaluations"): a client keeps the tier of
 * the previous evaluation until its score passes a tier's floor by `margin` points — up
 * to reach a better tier, down to leave the one it had — so that a client whose score
 * hovers on a boundary does not flap between two tiers at every evaluation. Moving several
 * tiers at once is cushioned the same way at each boundary.
 * @param computed the tier each client's score earns now (best tier = 0)
 * @param previous the tier of the previous evaluation, −1 where there is none (a new client,
 *   or a tier the model no longer has); pinned clients are left as computed
 * @param floors from `tierFloors`
 */
export function withHysteresis(
  computed: Uint8Array,
  previous: Int16Array,
  pinned: Uint8Array,
  score: Float32Array | Float64Array,
  floors: readonly number[],
  margin: number,
): Uint8Array {
  const tier = Uint8Array.from(computed);
  if (margin <= 0) return tier;
  const last = floors.length - 1;
  for (let c = 0; c < tier.length; c += 1) {
    const p = previous[c]!;
    const now = computed[c]!;
    if (pinned[c] || p < 0 || p > last || p === now) continue;
    const s = score[c]!;
    if (now < p) {
      // Up: the best tier between now and the previous one whose floor it clears by the margin.
      let t = now;
      while (t < p && s < floors[t]! + margin) t += 1;
      tier[c] = t;
    } else {
      // Down: the best tier from the previous one down whose floor it misses by less than the margin.
      let t = p;
      while (t < now && s < floors[t]! - margin) t += 1;
      tier[c] = t;
    }
  }
  return tier;
}

/**
 * Holds back upgrades (docs/scoring.md, "Evaluations"): a client with `blocked[c]` set —
 * an open serious complaint — keeps the tier of the previous evaluation when its score
 * would take it higher; it may still move down. Pinned clients and clients without a
 * previous tier (−1) are left as they are.
 */
export function withUpgradesHeld(
  tier: Uint8Array,
  previous: Int16Array,
  pinned: Uint8Array,
  blocked: Uint8Array,
): Uint8Array {
  const held = Uint8Array.from(tier);
  for (let c = 0; c < held.length; c += 1) {
    const p = previous[c]!;
    if (blocked[c] && !pinned[c] && p >= 0 && held[c]! < p) held[c] = p;
  }
  return held;
}
