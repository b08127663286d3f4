import type { ScoresRecord } from '$db/derived-records';
import { DIMENSION_KEYS, type MetricSlot } from '$engine/index';

export interface Reason {
  slot: MetricSlot;
  /** Points added to the composite (0–100 scale); NaN when the client has no data for it. */
  points: number;
  /** Points the measure could add at its best: what it weighs for this client. */
  possible: number;
  /** The metric's raw value, NaN when the client has no data for it. */
  value: number;
}

/**
 * A client's measures: what each adds to its score and what it could add (the rest is what
 * holds the score back), largest contribution first; measures without data last, adding
 * nothing (docs/scoring.md, section 3).
 */
export function reasonsFor(scores: ScoresRecord, at: number): Reason[] {
  const n = scores.clientIds.length;
  return scores.slots
    .map((slot, j) => {
      const d = DIMENSION_KEYS.indexOf(slot.dimension);
      const x = scores.normalised[j * n + at]!;
      const possible = Number.isNaN(x) ? NaN : scores.pointsPerUnit[d * n + at]! * slot.weight;
      return { slot, points: possible * x, possible, value: scores.metricValues[j * n + at]! };
    })
    .sort((a, b) => nanLast(b.points) - nanLast(a.points));
}

/** The measures holding the score back most: the largest points missed, largest first. */
export function heldBackBy(reasons: readonly Reason[], count: number): Reason[] {
  return reasons
    .filter((r) => !Number.isNaN(r.points) && r.possible - r.points >= 0.5)
    .sort((a, b) => b.possible - b.points - (a.possible - a.points))
    .slice(0, count);
}

const nanLast = (x: number): number => (Number.isNaN(x) ? -Infinity : x);
