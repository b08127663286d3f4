import { scoreClients, type Snapshot } from '$engine/index';
import type { ScoringDefinition } from '$schema/scoring-model';
import type { ClvPredictions } from './clv-cache';

/** The biggest movers a preview lists. */
export const PREVIEW_MOVERS = 10;

/** One scoring run as the preview compares it: columns in `clientIds` order. */
export interface TierColumns {
  clientIds: readonly string[];
  /** 1 = best; 0 = not scored (archived). */
  rank: ArrayLike<number>;
  /** 0–100, NaN when the client has no data. */
  composite: ArrayLike<number>;
  /** Index into `tierIds`. */
  tier: ArrayLike<number>;
  /** The model's tier ids, best first. */
  tierIds: readonly string[];
}

export interface PreviewMover {
  id: string;
  /** Filled in by the caller (the comparison does not read the database). */
  name: string;
  rankBefore: number;
  rankAfter: number;
  compositeBefore: number;
  compositeAfter: number;
  tierBefore: string;
  tierAfter: string;
}

/** What a candidate model would change: small enough to send to the page at any scale. */
export interface ModelPreview {
  /** Clients scored by both runs. */
  clients: number;
  /** Clients per tier, in each model's tier order. */
  before: { id: string; count: number }[];
  after: { id: string; count: number }[];
  /** Clients whose tier (by id) would change. */
  changed: number;
  /** The biggest rank changes, then the biggest score changes; at most `PREVIEW_MOVERS`. */
  movers: PreviewMover[];
}

/**
 * Compares two runs client by client (matched by id, so a run on a slightly older
 * snapshot still lines up): tier counts before and after, how many clients change tier,
 * and the biggest movers by rank, then by composite change, then id. Only clients scored
 * in both runs count. Pure: O(n) plus a sort of the clients that moved.
 */
export function compareTiers(
  before: TierColumns,
  after: TierColumns,
  limit = PREVIEW_MOVERS,
): ModelPreview {
  const sameOrder =
    before.clientIds.length === after.clientIds.length &&
    before.clientIds.every((id, i) => id === after.clientIds[i]);
  const indexBefore = sameOrder ? null : new Map(before.clientIds.map((id, i) => [id, i]));
  const countsBefore = before.tierIds.map((id) => ({ id, count: 0 }));
  const countsAfter = after.tierIds.map((id) => ({ id, count: 0 }));
  const moved: PreviewMover[] = [];
  let clients = 0;
  let changed = 0;
  after.clientIds.forEach((id, a) => {
    const b = indexBefore === null ? a : indexBefore.get(id);
    if (b === undefined) return;
    const rankBefore = before.rank[b] ?? 0;
    const rankAfter = after.rank[a] ?? 0;
    if (rankBefore === 0 || rankAfter === 0) return;
    clients += 1;
    const tierBefore = before.tierIds[before.tier[b] ?? -1] ?? '';
    const tierAfter = after.tierIds[after.tier[a] ?? -1] ?? '';
    const slotBefore = countsBefore[before.tier[b] ?? -1];
    const slotAfter = countsAfter[after.tier[a] ?? -1];
    if (slotBefore) slotBefore.count += 1;
    if (slotAfter) slotAfter.count += 1;
    if (tierBefore !== tierAfter) changed += 1;
    const compositeBefore = before.composite[b] ?? NaN;
    const compositeAfter = after.composite[a] ?? NaN;
    if (
      rankBefore !== rankAfter ||
      tierBefore !== tierAfter ||
      compositeBefore !== compositeAfter
    ) {
      moved.push({
        id,
        name: '',
        rankBefore,
        rankAfter,
        compositeBefore,
        compositeAfter,
        tierBefore,
        tierAfter,
      });
    }
  });
  const scoreChange = (m: PreviewMover): number =>
    Math.abs(m.compositeAfter - m.compositeBefore) || 0;
  moved.sort(
    (x, y) =>
      Math.abs(y.rankAfter - y.rankBefore) - Math.abs(x.rankAfter - x.rankBefore) ||
      scoreChange(y) - scoreChange(x) ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  return {
    clients,
    before: countsBefore,
    after: countsAfter,
    changed,
    movers: moved.slice(0, limit),
  };
}

/** A scoring run kept for previews: what was scored, as of when, and with which predictions. */
export interface LastRun {
  snapshot: Snapshot;
  asOfDay: number;
  clv: ClvPredictions;
  columns: TierColumns;
}

/** Only the columns a preview compares, so a kept run does not hold every metric alive. */
export function tierColumns(
  run: Pick<TierColumns, 'clientIds' | 'rank' | 'composite' | 'tier'>,
  definition: ScoringDefinition,
): TierColumns {
  const { clientIds, rank, composite, tier } = run;
  return { clientIds, rank, composite, tier, tierIds: definition.tiers.levels.map((l) => l.id) };
}

/**
 * Scores the data of `last` with `definition` (same snapshot, as-of day and lifetime-value
 * predictions, so only the model differs) and compares the result with `last`. Mover
 * names are left empty for the caller.
 */
export function previewRun(last: LastRun, definition: ScoringDefinition): ModelPreview {
  const result = scoreClients(last.snapshot, definition, {
    asOfDay: last.asOfDay,
    pActive: last.clv.scores.pActive,
    clv12m: last.clv.scores.clv12m,
  });
  return compareTiers(last.columns, tierColumns(result, definition));
}
