import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '$backup/sample/generate-dataset';
import { MergeError, listMerges, mergeClients, undoMerge } from '$db/client-merge';
import { saveClient } from '$db/client-repository';
import { DATA_TABLES, RECORD_TABLES, TierwiseDb } from '$db/database';
import { writeBundles } from '$db/dataset-writer';
import { saveTransaction } from '$db/record-repository';
import type { Client } from '$schema/client';

const open: TierwiseDb[] = [];
async function sampleDb(): Promise<TierwiseDb> {
  const db = new TierwiseDb(`merge-test-${Math.random()}`);
  open.push(db);
  await writeBundles(db, [
    ...generateDataset({ seed: 7, asOf: '2026-06-30', clients: 12, transactions: 200 }),
  ]);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** Every user-data table as stored, sorted by id (what undo must give back exactly). */
async function workspace(db: TierwiseDb): Promise<Record<string, unknown[]>> {
  const tables = DATA_TABLES.filter((t) => t !== 'merges');
  return Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()] as const)),
  );
}

/** Two clients of the sample that both have invoices and some other record. */
async function twoClients(db: TierwiseDb): Promise<[Client, Client]> {
  const clients = await db.clients.orderBy('id').toArray();
  const withInvoices = [];
  for (const c of clients) {
    if (
      (await db.transactions
        .where('[clientId+date]')
        .between([c.id, ''], [c.id, '\uffff'])
        .count()) > 0
    ) {
      withInvoices.push(c);
    }
  }
  return [withInvoices[0]!, withInvoices[1]!];
}

const recordsOf = async (db: TierwiseDb, table: string, clientId: string) =>
  (await db.table(table).toArray()).filter((r: { clientId: string }) => r.clientId === clientId);

describe('merging two clients', () => {
  it('moves every record to the kept client in one go, and undo restores the workspace exactly', async () => {
    const db = await sampleDb();
    const [kept, merged] = await twoClients(db);
    // The merged client refers a third, and carries a tag and an e-mail the kept one lacks.
    const third = (await db.clients.toArray()).find((c) => c.id !== kept.id && c.id !== merged.id)!;
    await saveClient(db, { ...third, referredById: merged.id });
    await saveClient(db, { ...merged, tags: ['planted'], email: 'planted@example.com' });
    await saveClient(db, { ...kept, email: '' });
    const before = await workspace(db);
    const counts = Object.fromEntries(
      await Promise.all(
        RECORD_TABLES.map(async (t) => [t, (await recordsOf(db, t, merged.id)).length] as const),
      ),
    );
    await db.changes.clear();

    const record = await mergeClients(db, kept.id, merged.id, new Date('2026-07-01T10:00:00Z'));
    expect(await db.clients.get(merged.id)).toBeUndefined();
    for (const t of RECORD_TABLES) {
      expect(await recordsOf(db, t, merged.id)).toEqual([]);
      expect(record.moved[t]).toHaveLength(counts[t]!);
    }
    expect(counts['transactions']).toBeGreaterThan(0);
    const after = await db.clients.get(kept.id);
    expect(after?.tags).toContain('planted');
    expect(after?.email).toBe('planted@example.com');
    expect((await db.clients.get(third.id))?.referredById).toBe(kept.id);
    expect((await db.changes.toArray()).map((c) => c.clientId).sort()).toEqual(
      [kept.id, merged.id, third.id].sort(),
    );
    expect((await listMerges(db)).map((m) => m.id)).toEqual([record.id]);

    await undoMerge(db, record.id, new Date('2026-07-02T10:00:00Z'));
    expect(await workspace(db)).toEqual(before);
    expect(await listMerges(db)).toEqual([]);
  });

  it('undoes later too, keeping what was added and edited since', async () => {
    const db = await sampleDb();
    const [kept, merged] = await twoClients(db);
    const moved = (await recordsOf(db, 'transactions', merged.id))[0] as { id: string };
    const record = await mergeClients(db, kept.id, merged.id, new Date('2026-07-01T10:00:00Z'));
    const later = new Date('2026-07-05T10:00:00Z');
    const added = await saveTransaction(
      db,
      {
        id: 'after-merge',
        clientId: kept.id,
        date: '2026-07-04',
        amount: 10,
        reference: '',
        description: '',
      },
      later,
    );
    const movedNow = await db.transactions.get(moved.id);
    await saveTransaction(db, { ...movedNow!, amount: 4321 }, later);
    await saveClient(db, { ...(await db.clients.get(kept.id))!, notes: 'edited after' }, later);

    await undoMerge(db, record.id, new Date('2026-07-06T10:00:00Z'));
    expect((await db.transactions.get(added.id))?.clientId).toBe(kept.id);
    const back = await db.transactions.get(moved.id);
    expect(back?.clientId).toBe(merged.id);
    expect(back?.amount).toBe(4321);
    expect(await db.clients.get(merged.id)).toEqual(merged);
    const keptNow = await db.clients.get(kept.id);
    expect(keptNow?.notes).toBe('edited after');
    expect(keptNow?.tags).toEqual(kept.tags);
  });

  it('refuses what cannot be done, writing nothing', async () => {
    const db = await sampleDb();
    const [kept, merged] = await twoClients(db);
    await expect(mergeClients(db, kept.id, kept.id)).rejects.toBeInstanceOf(MergeError);
    await expect(mergeClients(db, kept.id, 'nobody')).rejects.toMatchObject({ code: 'missing' });
    const record = await mergeClients(db, kept.id, merged.id);
    await saveClient(db, { ...merged, name: 'Came back' });
    const before = await workspace(db);
    await expect(undoMerge(db, record.id)).rejects.toMatchObject({ code: 'occupied' });
    expect(await workspace(db)).toEqual(before);
    await expect(undoMerge(db, 'unknown')).rejects.toMatchObject({ code: 'gone' });
  });
});
