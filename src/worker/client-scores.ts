import type { TierwiseDb } from '$db/database';
import type { ScoresRecord } from '$db/derived-records';
import { readActiveModel } from '$db/model-repository';
import {
  DIMENSION_KEYS,
  tierUp,
  type DimensionKey,
  type MetricSlot,
  type TierUp,
} from '$engine/index';
import type { ScoringService } from './scoring-service';

/** One measure of a client's score: what it adds, what it could add, its raw value. */
export interface Reason {
  slot: MetricSlot;
  /** Points added to the composite (0–100 scale); NaN when the client has no data for it. */
  points: number;
  /** Points the measure could add at its best: what it weighs for this client. */
  possible: number;
  /** The measure's raw value, NaN when the client has no data for it. */
  value: number;
}

/** Everything the client file shows of one client's scores: one row, not the whole record. */
export interface ClientScores {
  computedAt: string;
  asOf: string;
  rank: number;
  /** Clients ranked. */
  count: number;
  composite: number;
  dimensions: Record<DimensionKey, number>;
  tier: number;
  computedTier: number;
  pinned: boolean;
  lifecycle: number;
  churnWarning: boolean;
  pActive: number;
  expectedPurchases90d: number;
  clv12m: number;
  clvModel: ScoresRecord['clvModel'];
  /** Largest contribution first; measures without data last. */
  reasons: Reason[];
  /** What would lift the client a tier (null at the top, or while the model is changing). */
  tierUp: TierUp | null;
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
      const x = scores.normalised[j * n + at] ?? NaN;
      const weight = (scores.pointsPerUnit[d * n + at] ?? NaN) * slot.weight;
      const possible = Number.isNaN(x) ? NaN : weight;
      return {
        slot,
        points: possible * x,
        possible,
        value: scores.metricValues[j * n + at] ?? NaN,
      };
    })
    .sort((a, b) => nanLast(b.points) - nanLast(a.points));
}

const nanLast = (x: number): number => (Number.isNaN(x) ? -Infinity : x);

/** How many clients each scores record ranks, counted once per record. */
const rankedCounts = new WeakMap<ScoresRecord, number>();

function rankedCount(scores: ScoresRecord): number {
  let count = rankedCounts.get(scores);
  if (count === undefined) {
    count = 0;
    for (const rank of scores.rank) if (rank > 0) count += 1;
    rankedCounts.set(scores, count);
  }
  return count;
}

/**
 * One client's row of the scores the page has seen (`computedAt`), with its reasons and
 * what would lift it a tier. Null when the client is not ranked (archived, new since the
 * scores, or none yet).
 */
export async function clientScores(
  db: TierwiseDb,
  scoring: Pick<ScoringService, 'scores'>,
  clientId: string,
  computedAt: string,
): Promise<ClientScores | null> {
  const [scores, model] = await Promise.all([scoring.scores(computedAt), readActiveModel(db)]);
  if (scores === null) return null;
  const at = scores.clientIds.indexOf(clientId);
  if (at < 0 || !(scores.rank[at] ?? 0)) return null;
  const value = (column: ArrayLike<number>): number => column[at] ?? NaN;
  return {
    computedAt: scores.computedAt,
    asOf: scores.asOf,
    rank: value(scores.rank),
    count: rankedCount(scores),
    composite: value(scores.composite),
    dimensions: Object.fromEntries(
      DIMENSION_KEYS.map((key) => [key, value(scores.dimensions[key])]),
    ) as Record<DimensionKey, number>, // one entry per dimension key
    tier: value(scores.tier),
    computedTier: value(scores.computedTier),
    pinned: value(scores.pinned) === 1,
    lifecycle: value(scores.lifecycle),
    churnWarning: value(scores.churnWarning) === 1,
    pActive: value(scores.pActive),
    expectedPurchases90d: value(scores.expectedPurchases90d),
    clv12m: value(scores.clv12m),
    clvModel: scores.clvModel,
    reasons: reasonsFor(scores, at),
    // Advice only from the model the scores were made with (new ones are on their way).
    tierUp: scores.modelUpdatedAt === model.updatedAt ? tierUp(scores, model.definition, at) : null,
  };
}
