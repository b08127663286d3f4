import { qualityDismissalSchema } from '$schema/merge';
import type { TierwiseDb } from './database';

/** The ids of every finding marked "not a problem". */
export async function readDismissals(db: TierwiseDb): Promise<Set<string>> {
  return new Set(await db.qualityDismissals.toCollection().primaryKeys());
}

/** Marks a finding "not a problem": the report leaves it out from now on. */
export async function dismissFinding(
  db: TierwiseDb,
  id: string,
  now: Date = new Date(),
): Promise<void> {
  await db.qualityDismissals.put(
    qualityDismissalSchema.parse({ id, dismissedAt: now.toISOString() }),
  );
}

/** Lists a finding again. */
export async function restoreFinding(db: TierwiseDb, id: string): Promise<void> {
  await db.qualityDismissals.delete(id);
}
