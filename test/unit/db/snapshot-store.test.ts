import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { TierwiseDb } from '$db/database';
import { ALL_CLIENTS } from '$db/derived-records';
import {
  logRebuiltSnapshot,
  readChanges,
  readSnapshot,
  saveSnapshot,
  snapshotSeq,
} from '$db/snapshot-store';
import { buildSnapshot, type Snapshot } from '$engine/index';

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
