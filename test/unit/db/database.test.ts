import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { generateDataset } from '$backup/sample/generate-dataset';
import { TierwiseDb } from '$db/database';
import { writeBundles } from '$db/dataset-writer';
import { readActiveModel } from '$db/model-repository';
import { readSettings, updateSettings } from '$db/settings-repository';
import { clearAllData, countRecords } from '$db/workspace';
import { scoringModelSchema } from '$schema/scoring-model';
import { settingsSchema } from '$schema/settings';

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(
    `db-test-${open.length}-${Math.random()}`,
    undefined,
    () => new Date('2026-01-02T03:04:05Z'),
  );
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const sample = () =>
  generateDataset({ seed: 11, asOf: '2026-03-31', clients: 30, transactions: 400 });

describe('a new database', () => {
  it('starts with valid settings and the default scoring model', async () => {
    const db = freshDb();
    const settings = await readSettings(db);
    expect(settingsSchema.parse(settings)).toEqual(settings);
    expect(settings.createdAt).toBe('2026-01-02T03:04:05.000Z');
    const model = await readActiveModel(db);
    expect(scoringModelSchema.parse(model)).toEqual(model);
    expect(await countRecords(db)).toEqual({
      clients: 0,
      transactions: 0,
      interactions: 0,
      feedback: 0,
      complaints: 0,
    });
  });
});

describe('writeBundles', () => {
  it('writes every row and reports chunked progress', async () => {
    const db = freshDb();
    const bundles = [...sample()];
    const progress: number[] = [];
    const counts = await writeBundles(db, bundles, {
      chunkRows: 200,
      onProgress: (rows) => progress.push(rows),
    });
    expect(counts.clients).toBe(30);
    expect(counts.transactions).toBe(400);
    expect(await countRecords(db)).toEqual(counts);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(
      counts.clients +
        counts.transactions +
        counts.interactions +
        counts.feedback +
        counts.complaints,
    );
    const stored = await db.transactions.get(bundles[0]!.transactions[0]!.id);
    expect(stored).toEqual(bundles[0]!.transactions[0]);
  });
});

describe('clearAllData', () => {
  it('removes every client and record but keeps the model and settings', async () => {
    const db = freshDb();
    await writeBundles(db, sample());
    await clearAllData(db);
    expect(await countRecords(db)).toEqual({
      clients: 0,
      transactions: 0,
      interactions: 0,
      feedback: 0,
      complaints: 0,
    });
    expect(await db.models.count()).toBe(1);
    expect(await db.settings.count()).toBe(1);
  });
});

describe('updateSettings', () => {
  it('saves a valid change and stamps it', async () => {
    const db = freshDb();
    const next = await updateSettings(
      db,
      { locale: 'zh-CN', theme: 'dark' },
      new Date('2026-02-01T00:00:00Z'),
    );
    expect(next).toMatchObject({
      locale: 'zh-CN',
      theme: 'dark',
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    expect(await readSettings(db)).toEqual(next);
  });

  it('returns to the browser language when the locale is cleared', async () => {
    const db = freshDb();
    await updateSettings(db, { locale: 'zh-CN' });
    await updateSettings(db, { locale: undefined });
    expect(await readSettings(db)).not.toHaveProperty('locale');
  });

  it('refuses an invalid change and leaves the settings untouched', async () => {
    const db = freshDb();
    const before = await readSettings(db);
    await expect(updateSettings(db, { currency: 'dollars' })).rejects.toBeInstanceOf(ZodError);
    expect(await readSettings(db)).toEqual(before);
  });
});
