import type { Reason } from '$worker/client-scores';

/** The measures holding the score back most: the largest points missed, largest first. */
export function heldBackBy(reasons: readonly Reason[], count: number): Reason[] {
  return reasons
    .filter((r) => !Number.isNaN(r.points) && r.possible - r.points >= 0.5)
    .sort((a, b) => b.possible - b.points - (a.possible - a.points))
    .slice(0, count);
}
