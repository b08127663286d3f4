import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { TierwiseDb } from '$db/database';
import { readActiveModel, saveActiveModel } from '$db/model-repository';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(
    `model-test-${open.length}-${Math.random()}`,
    undefined,
    () => new Date('2026-01-02T03:04:05Z'),
  );
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

describe('saving the active model', () => {
  it('stores the new definition and bumps updatedAt, which makes the worker rescore', async () => {
    const db = freshDb();
    const before = await readActiveModel(db);
    const definition = structuredClone(DEFAULT_SCORING_DEFINITION);
    definition.dimensions.value.weight = 10;
    const saved = await saveActiveModel(db, definition, new Date('2026-02-01T00:00:00Z'));
    expect(saved.updatedAt).toBe('2026-02-01T00:00:00.000Z');
    const after = await readActiveModel(db);
    expect(after).toEqual(saved);
    expect(after.id).toBe(before.id);
    expect(after.createdAt).toBe(before.createdAt);
    expect(after.definition.dimensions.value.weight).toBe(10);
  });

  it('moves updatedAt forward even when the clock does not', async () => {
    const db = freshDb();
    const at = new Date('2026-02-01T00:00:00Z');
    const first = await saveActiveModel(db, DEFAULT_SCORING_DEFINITION, at);
    const second = await saveActiveModel(db, DEFAULT_SCORING_DEFINITION, at);
    expect(Date.parse(second.updatedAt)).toBeGreaterThan(Date.parse(first.updatedAt));
  });

  it('refuses an invalid definition and writes nothing', async () => {
    const db = freshDb();
    const before = await readActiveModel(db);
    const definition = structuredClone(DEFAULT_SCORING_DEFINITION);
    for (const dimension of Object.values(definition.dimensions)) dimension.weight = 0;
    await expect(saveActiveModel(db, definition)).rejects.toBeInstanceOf(ZodError);
    expect(await readActiveModel(db)).toEqual(before);
  });
});
