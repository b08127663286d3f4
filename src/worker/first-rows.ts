import type { TierwiseDb } from '$db/database';
import type { FirstRows, ScoresRecord } from '$db/derived-records';
import { saveScores } from '$db/snapshot-store';
import type { DatasetCounts } from '$schema/client-bundle';
import { DEFAULT_QUERY, listClients } from './client-list';
import { listRowsOf } from './list-row';

/** Rows of the first-rows record: a screenful on the largest screens, and more. */
export const FIRST_ROWS = 50;

/**
 * The first rows of the default list for `scores`: exactly what the worker's list of the
 * default query hands the page for them (no filter, by rank, so neither names nor the
 * language's collation come into it).
 */
export async function firstRowsOf(db: TierwiseDb, scores: ScoresRecord): Promise<FirstRows> {
  const { indexes } = listClients(scores, new Map(), DEFAULT_QUERY, new Intl.Collator('en'));
  return {
    id: 'first-rows',
    computedAt: scores.computedAt,
    count: indexes.length,
    trust: scores.clvModel.trust.level,
    rows: await listRowsOf(db, scores, indexes.subarray(0, FIRST_ROWS)),
  };
}

/** Saves scores with their stamp and the default list's first rows (see `FirstRows`). */
export async function saveScoresAndFirstRows(
  db: TierwiseDb,
  scores: ScoresRecord,
  counts: DatasetCounts,
): Promise<void> {
  await saveScores(db, scores, counts, await firstRowsOf(db, scores));
}
