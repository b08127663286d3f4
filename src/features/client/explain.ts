import type { ScoresRecord } from '$db/derived-records';
import { contribution, type MetricSlot } from '$engine/index';

export interface Reason {
  slot: MetricSlot;
  /** Points added to the composite (0–100 scale). */
  points: number;
  /** The metric's raw value, NaN when the client has no data for it. */
  value: number;
}

/** A client's metrics by what they add to its score, largest first; missing ones last. */
export function reasonsFor(scores: ScoresRecord, at: number): Reason[] {
  const n = scores.clientIds.length;
  return scores.slots
    .map((slot, j) => ({
      slot,
      points: contribution(scores, j, at),
      value: scores.metricValues[j * n + at]!,
    }))
    .sort(
      (a, b) => (Number.isNaN(a.points) ? -1 : a.points) - (Number.isNaN(b.points) ? -1 : b.points),
    )
    .reverse();
}
