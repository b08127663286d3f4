import type { MovementReason } from '$engine/index';
import type { TimelinePoint } from '$worker/history-service';

/** A tier as an evaluation recorded it. */
export type TimelineTier = NonNullable<TimelinePoint['tier']>;

/** A point at which the client was evaluated. */
export type EvaluatedPoint = TimelinePoint & { tier: TimelineTier; score: number; rank: number };

/** One change of tier between two evaluations in a row. */
export interface TierChange {
  evaluationId: string;
  /** The day of the evaluation that saw the new tier. */
  asOf: string;
  from: TimelineTier;
  to: TimelineTier;
  direction: 'up' | 'down';
  reasons: MovementReason[];
}

/** The points at which the client was evaluated, in the timeline's order (oldest first). */
export function evaluatedPoints(points: readonly TimelinePoint[]): EvaluatedPoint[] {
  return points.filter(
    (point): point is EvaluatedPoint =>
      point.tier !== null && point.score !== null && point.rank !== null,
  );
}

/**
 * The tier changes of a timeline, newest first. A change is always against the point just
 * before it (the worker compares an evaluation with the previous one only when the client
 * was in both), so its from-tier is that point's tier.
 */
export function tierChanges(points: readonly TimelinePoint[]): TierChange[] {
  const changes: TierChange[] = [];
  points.forEach((point, k) => {
    const from = points[k - 1]?.tier;
    if (!point.change || !point.tier || !from) return;
    changes.push({
      evaluationId: point.evaluationId,
      asOf: point.asOf,
      from,
      to: point.tier,
      direction: point.change.direction,
      reasons: point.change.reasons,
    });
  });
  return changes.reverse();
}
