import type { ScoringModel } from '$schema/scoring-model';
import type { TierwiseDb } from './database';

/** The model the app scores with. The database is created with one, so it always exists. */
export async function readActiveModel(db: TierwiseDb): Promise<ScoringModel> {
  const model = (await db.models.toArray()).find((candidate) => candidate.active);
  if (!model) throw new Error('No active scoring model.');
  return model;
}
