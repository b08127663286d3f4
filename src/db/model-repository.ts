import type { ScoringDefinition, ScoringModel } from '$schema/scoring-model';
import type { TierwiseDb } from './database';

/** The model the app scores with. The database is created with one, so it always exists. */
export async function readActiveModel(db: TierwiseDb): Promise<ScoringModel> {
  const model = activeModelIn(await db.models.toArray());
  if (!model) throw new Error('No active scoring model.');
  return model;
}

/** The active one of the stored models (there is always one: see `TierwiseDb`). */
export function activeModelIn(models: readonly ScoringModel[]): ScoringModel | undefined {
  return models.find((candidate) => candidate.active);
}

/**
 * Replaces the active model's definition after validating it, and bumps `updatedAt`: the
 * scoring worker watches it and rescores everyone.
 * @param now the save time; always later than the previous `updatedAt`, so two saves
 *   within one millisecond still count as a change
 * @throws ZodError when the definition is invalid (nothing is written)
 */
export async function saveActiveModel(
  db: TierwiseDb,
  definition: ScoringDefinition,
  now: Date = new Date(),
): Promise<ScoringModel> {
  // Loaded with the first save, before the transaction (see settings-repository.ts).
  const { scoringDefinitionSchema, scoringModelSchema } = await import('$schema/scoring-model');
  const parsed = scoringDefinitionSchema.parse(definition);
  return db.transaction('rw', db.models, async () => {
    const current = await readActiveModel(db);
    const previous = Date.parse(current.updatedAt);
    const at = new Date(Math.max(now.getTime(), previous + 1));
    const next = scoringModelSchema.parse({
      ...current,
      definition: parsed,
      updatedAt: at.toISOString(),
    });
    await db.models.put(next);
    return next;
  });
}
