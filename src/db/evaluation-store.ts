import type { EvaluationMeta } from '$engine/index';
import type { EvaluationRecord } from '$schema/evaluation';
import type { TierwiseDb } from './database';

/**
 * Evaluations in the database (docs/storage.md, "Version 4"): what identifies each one in
 * `evaluations` (small, listed by the History view), its columns packed in
 * `evaluationColumns` under the same id (megabytes, read only when compared). Packing and
 * unpacking are the worker's (`evaluation-codec.ts`).
 */

export interface StoredEvaluation extends EvaluationMeta {
  createdAt: string;
  updatedAt: string;
}

/**
 * The columns of one evaluation: packed (`evaluation-pack.ts`), or — for evaluations the
 * version-4 upgrade brought forward, which held only tier, score and rank — as a backup
 * writes them.
 */
export type StoredEvaluationColumns =
  | { id: string; format: number; packed: Uint8Array }
  | { id: string; plain: Pick<EvaluationRecord, 'clientIds' | 'tier' | 'score'> };

/**
 * The evaluations as one string: it changes when one is taken, deleted or replaced (a
 * merged backup may replace one, which its `updatedAt` tells), and only then. Order does
 * not matter: the table's order is not the order they were taken in.
 */
export function evaluationsKey(
  list: readonly Pick<StoredEvaluation, 'id' | 'updatedAt'>[],
): string {
  return list
    .map((evaluation) => `${evaluation.id}@${evaluation.updatedAt}`)
    .sort()
    .join(' ');
}

/**
 * Every evaluation's meta, in the order they were taken (an evaluation may be as of an
 * earlier day than the one before it, when the user scores an old history as it stood).
 */
export async function listEvaluations(db: TierwiseDb): Promise<StoredEvaluation[]> {
  const all = await db.evaluations.toArray();
  return all.sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.id.localeCompare(b.id));
}

/** The latest evaluation's meta (by when taken), if any. */
export async function latestEvaluation(db: TierwiseDb): Promise<StoredEvaluation | undefined> {
  return (await listEvaluations(db)).at(-1);
}

/** Both rows of one evaluation, read together; undefined when either is missing. */
export async function readEvaluationRows(
  db: TierwiseDb,
  id: string,
): Promise<{ meta: StoredEvaluation; columns: StoredEvaluationColumns } | undefined> {
  const [meta, columns] = await db.transaction('r', db.evaluations, db.evaluationColumns, () =>
    Promise.all([db.evaluations.get(id), db.evaluationColumns.get(id)]),
  );
  return meta && columns ? { meta, columns } : undefined;
}

/** Writes a new evaluation's two rows in one transaction. */
export async function addEvaluationRows(
  db: TierwiseDb,
  meta: StoredEvaluation,
  columns: StoredEvaluationColumns,
): Promise<void> {
  await db.transaction('rw', db.evaluations, db.evaluationColumns, async () => {
    await db.evaluations.add(meta);
    await db.evaluationColumns.add(columns);
  });
}

/** Deletes an evaluation. */
export async function deleteEvaluation(db: TierwiseDb, id: string): Promise<void> {
  await db.transaction('rw', db.evaluations, db.evaluationColumns, async () => {
    await db.evaluations.delete(id);
    await db.evaluationColumns.delete(id);
  });
}
