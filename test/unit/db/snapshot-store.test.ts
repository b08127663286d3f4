import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { TierwiseDb } from '$db/database';
import { writeBundles } from '$db/dataset-writer';
import { ALL_CLIENTS, snapshotCounts } from '$db/derived-records';
import { readActiveModel } from '$db/model-repository';
import {
  logRebuiltSnapshot,
  readChanges,
  readScores,
  readScoresStamp,
  readSnapshot,
  saveScores,
  saveSnapshot,
  snapshotSeq,
} from '$db/snapshot-store';
import { countRecords, currentCounts } from '$db/workspace';
import { buildSnapshot, scoreClients, type Snapshot } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { ClvCache } from '$worker/clv-cache';
import { toScoresRecord } from '$worker/scores-record';

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(`snapshot-test-${open.length}-${Math.random()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

function sampleSnapshot(): Snapshot {
  const bundles = generateDataset({ seed: 5, asOf: '2026-06-30', clients: 12, transactions: 90 });
  return buildSnapshot(collectRecords(bundles));
}

describe('the stored snapshot and the change log', () => {
  it('a rebuilt snapshot is stored with its own "everything changed" entry, which it drains', async () => {
    const db = freshDb();
    await db.changes.add({ clientId: 'earlier' });
    const snapshot = sampleSnapshot();
    const seq = await logRebuiltSnapshot(db, snapshot, new Date('2026-07-01T00:00:00Z'));
    expect(seq).toBe(2);
    expect(await snapshotSeq(db)).toBe(2);
    expect(await readChanges(db)).toEqual([]);
    const stored = await readSnapshot(db);
    expect(stored?.seq).toBe(2);
    expect(stored?.snapshot.clients.ids).toEqual(snapshot.clients.ids);
    expect(Array.from(stored?.snapshot.transactions.amount ?? [])).toEqual(
      Array.from(snapshot.transactions.amount),
    );
  });

  it('saving a snapshot keeps every change it does not include', async () => {
    const db = freshDb();
    for (const clientId of ['a', 'b', ALL_CLIENTS, 'c']) await db.changes.add({ clientId });
    await saveSnapshot(db, sampleSnapshot(), 2, new Date());
    expect((await readChanges(db)).map((c) => [c.seq, c.clientId])).toEqual([
      [3, ALL_CLIENTS],
      [4, 'c'],
    ]);
  });
});

describe('the scores stamp', () => {
  it('is saved with the scores and carries the row counts of the data scored', async () => {
    const db = freshDb();
    const bundles = [
      ...generateDataset({ seed: 9, asOf: '2026-06-30', clients: 15, transactions: 120 }),
    ];
    await writeBundles(db, bundles);
    // Before any scores the counts are counted.
    const counted = await countRecords(db);
    expect(await currentCounts(db)).toEqual(counted);
    expect(await readScoresStamp(db)).toBeUndefined();

    const snapshot = buildSnapshot(collectRecords(bundles));
    expect(snapshotCounts(snapshot)).toEqual(counted);
    const asOfDay = toEpochDay('2026-06-30');
    const clv = new ClvCache().predict(snapshot, asOfDay, null);
    const model = await readActiveModel(db);
    const result = scoreClients(snapshot, model.definition, {
      asOfDay,
      pActive: clv.scores.pActive,
      clv12m: clv.scores.clv12m,
    });
    const now = new Date('2026-06-30T12:00:00Z');
    const record = toScoresRecord(result, clv, model, {
      asOf: '2026-06-30',
      seq: 0,
      durationMs: 1,
      now,
    });
    await saveScores(db, record, snapshotCounts(snapshot));

    expect((await readScores(db))?.computedAt).toBe(now.toISOString());
    expect(await readScoresStamp(db)).toEqual({
      id: 'stamp',
      computedAt: now.toISOString(),
      asOf: '2026-06-30',
      seq: 0,
      counts: counted,
      engineVersion: record.engineVersion,
      modelId: model.id,
      modelUpdatedAt: model.updatedAt,
    });
    // From now on the counts are those of the latest scores, not counted again: a row
    // written since shows once it is scored.
    await db.clients.clear();
    expect(await currentCounts(db)).toEqual(counted);
    expect(counted.clients).toBe(15);
    expect((await countRecords(db)).clients).toBe(0);
    // A change to one client leaves them as they are until its rescore saves new ones:
    // counting a large base after every edit would hold up the database.
    await db.changes.add({ clientId: 'client-1' });
    expect(await currentCounts(db)).toEqual(counted);
    // Once a change replacing every client is logged, the rows are counted.
    await db.changes.add({ clientId: ALL_CLIENTS });
    expect((await currentCounts(db)).clients).toBe(0);
  });
});
