import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportFailure } from '$backup/problem';
import { insertRecords, mergeIntoWorkspace, replaceWorkspace } from '$db/backup-store';
import { DATABASE_NAME, TierwiseDb } from '$db/database';
import { recordExport } from '$db/backup-reminder';
import { saveTransaction } from '$db/record-repository';
import { readActiveDatabaseName } from '$db/read-pointer';
import { fillCopyWith, fillReplacement, stageCopyWith, stageWorkspace } from '$db/staging';
import {
  activeDatabaseName,
  deleteLeftovers,
  stagingName,
  WorkspacePointer,
} from '$db/workspace-pointer';
import { buildSnapshot } from '$engine/index';
import { sampleData } from '../backup/backup-helpers';

const NOW = new Date('2026-01-01T00:00:00Z');
const open: Dexie[] = [];

function track<T extends Dexie>(db: T): T {
  open.push(db);
  return db;
}
const workspace = (name = `staging-test-${Math.random()}`): TierwiseDb =>
  track(new TierwiseDb(name, undefined, () => NOW));
const pointer = (): WorkspacePointer => track(new WorkspacePointer(`meta-test-${Math.random()}`));

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** Every table, as text: equal dumps mean byte-for-byte equal contents. */
async function dump(db: TierwiseDb, tables = db.tables.map((t) => t.name)): Promise<string> {
  const contents: Record<string, unknown> = {};
  for (const name of tables) contents[name] = await db.table(name).toArray();
  return JSON.stringify(contents);
}

const stagingDatabases = async (): Promise<string[]> =>
  (await Dexie.getDatabaseNames()).filter((name) => name.startsWith(`${DATABASE_NAME}-`));

const USER_TABLES = [
  'settings',
  'models',
  'clients',
  'transactions',
  'interactions',
  'feedback',
  'complaints',
  'evaluations',
];

describe('the workspace pointer', () => {
  it('names the first database, `tierwise`, until it is moved', async () => {
    const meta = pointer();
    expect(await meta.active()).toBe(DATABASE_NAME);
    await meta.pointTo('tierwise-elsewhere', NOW);
    expect(await meta.active()).toBe('tierwise-elsewhere');
    expect(await activeDatabaseName(meta.name)).toBe('tierwise-elsewhere');
  });

  it('is read without Dexie too, and reading creates no pointer database', async () => {
    const name = `meta-test-${Math.random()}`;
    expect(await readActiveDatabaseName(name)).toBe(DATABASE_NAME);
    expect(await Dexie.getDatabaseNames()).not.toContain(name);
    const meta = track(new WorkspacePointer(name));
    await meta.open();
    expect(await readActiveDatabaseName(name)).toBe(DATABASE_NAME);
    await meta.pointTo('tierwise-elsewhere', NOW);
    expect(await readActiveDatabaseName(name)).toBe('tierwise-elsewhere');
  });

  it('deletes the workspace databases it does not name, and nothing else', async () => {
    const meta = pointer();
    const [kept, leftover] = [stagingName(), stagingName()];
    for (const name of [kept, leftover, DATABASE_NAME, 'tierwise-meta-unrelated']) {
      const db = new TierwiseDb(name);
      await db.open();
      db.close();
    }
    await meta.pointTo(kept, NOW);
    const deleted = await deleteLeftovers(meta);
    expect(deleted).toEqual(expect.arrayContaining([leftover, DATABASE_NAME]));
    const names = await Dexie.getDatabaseNames();
    expect(names).toContain(kept);
    expect(names).toContain('tierwise-meta-unrelated');
    expect(names).toContain(meta.name);
    expect(names).not.toContain(leftover);
    expect(names).not.toContain(DATABASE_NAME);
    await Dexie.delete(kept);
    await Dexie.delete('tierwise-meta-unrelated');
  });
});

describe('a staged replace', () => {
  it('writes the same tables as the one-transaction replace, then moves the pointer', async () => {
    const data = sampleData();
    const snapshot = buildSnapshot(data);
    const direct = workspace();
    await recordExport(direct, 3, NOW);
    const current = workspace();
    await recordExport(current, 3, NOW);
    const reminder = (await current.settings.get('workspace'))?.backupReminder;
    await replaceWorkspace(direct, data, snapshot, { now: NOW });

    const meta = pointer();
    const progress: number[] = [];
    const { name, result: seq } = await stageWorkspace(meta, (staging) =>
      fillReplacement(staging, data, snapshot, reminder, {
        now: NOW,
        chunkRows: 50,
        onProgress: (rows) => progress.push(rows),
      }),
    );
    expect(await meta.active()).toBe(name);
    const staged = workspace(name);
    expect(seq).toBe(1);
    expect(await dump(staged)).toBe(await dump(direct));
    expect(progress.length).toBeGreaterThan(3);
  });

  it('leaves the workspace byte for byte and the pointer unmoved when a step fails', async () => {
    const data = sampleData();
    const current = workspace();
    await replaceWorkspace(current, data, buildSnapshot(data), { now: NOW });
    const before = await dump(current);
    const meta = pointer();
    await meta.open();
    const namesBefore = await Dexie.getDatabaseNames();

    const next = sampleData();
    await expect(
      stageWorkspace(meta, (staging) =>
        fillReplacement(staging, next, buildSnapshot(next), undefined, {
          chunkRows: 50,
          onProgress: (rows) => {
            if (rows > 100) throw new Error('the tab closed');
          },
        }),
      ),
    ).rejects.toThrow('the tab closed');
    // A record without a key makes IndexedDB refuse it after other chunks went in.
    (next.evaluations as unknown[]).push({ asOf: '2026-01-01' });
    await expect(
      stageWorkspace(meta, (staging) =>
        fillReplacement(staging, next, buildSnapshot(sampleData()), undefined, { chunkRows: 50 }),
      ),
    ).rejects.toThrow();

    expect(await dump(current)).toBe(before);
    expect(await meta.active()).toBe(DATABASE_NAME);
    expect((await Dexie.getDatabaseNames()).sort()).toEqual(namesBefore.sort());
  });
});

describe('a staged insert', () => {
  it('holds the workspace and the new records, as the one-transaction insert does', async () => {
    const data = sampleData();
    const current = workspace();
    const direct = workspace();
    for (const db of [current, direct]) await replaceWorkspace(db, data, buildSnapshot(data));
    const fresh = { ...data.clients[0]!, id: 'fresh' as never, name: 'Fresh' };
    const invoice = { ...data.transactions[0]!, id: 'fresh-invoice' as never, clientId: 'fresh' };
    const rows = { clients: [fresh], transactions: [invoice] };
    await insertRecords(direct, rows, { touchedClients: ['fresh'] });

    const meta = pointer();
    const { name } = await stageWorkspace(meta, (staging) =>
      fillCopyWith(staging, current, rows, 'add', null, { chunkRows: 40 }),
    );
    const staged = workspace(name);
    expect(await dump(staged, USER_TABLES)).toBe(await dump(direct, USER_TABLES));
    // The scorer rebuilds the derived tables from the rows.
    expect((await staged.changes.toArray()).map((c) => c.clientId)).toEqual(['*']);
  });

  it('into an empty workspace stores the snapshot as the one-transaction insert does', async () => {
    const data = sampleData();
    const rows = { clients: data.clients, transactions: data.transactions };
    const snapshot = buildSnapshot({ ...rows, interactions: [], feedback: [], complaints: [] });
    const direct = workspace();
    await insertRecords(direct, rows, { snapshot }, { now: NOW });
    const meta = pointer();
    const { name } = await stageWorkspace(meta, (staging) =>
      fillCopyWith(staging, workspace(), rows, 'add', snapshot, { now: NOW, chunkRows: 30 }),
    );
    expect(await dump(workspace(name))).toBe(await dump(direct));
  });

  it('never overwrites: an id that exists fails it all and leaves the workspace as it was', async () => {
    const data = sampleData();
    const current = workspace();
    await replaceWorkspace(current, data, buildSnapshot(data));
    const before = await dump(current);
    const meta = pointer();
    const taken = { transactions: [data.transactions[5]!] };
    await expect(
      stageWorkspace(meta, (staging) => fillCopyWith(staging, current, taken, 'add', null)),
    ).rejects.toThrow();
    expect(await dump(current)).toBe(before);
    expect(await meta.active()).toBe(DATABASE_NAME);
  });

  it('with merged records holds what the one-transaction merge writes', async () => {
    const data = sampleData();
    const current = workspace();
    const direct = workspace();
    for (const db of [current, direct]) await replaceWorkspace(db, data, buildSnapshot(data));
    const newer = { ...data.transactions[3]!, amount: 4321, updatedAt: '2027-01-01T00:00:00.000Z' };
    const fresh = { ...data.clients[0]!, id: 'fresh' as never, name: 'Fresh' };
    const rows = { clients: [fresh], transactions: [newer] };
    await mergeIntoWorkspace(direct, rows, ['*']);

    const meta = pointer();
    const name = await stageCopyWith(meta, current, rows, 'put', null, () => new Error('changed'));
    expect(await meta.active()).toBe(name);
    const staged = workspace(name);
    expect(await dump(staged, USER_TABLES)).toBe(await dump(direct, USER_TABLES));
    expect((await staged.transactions.get(newer.id))?.amount).toBe(4321);
    expect((await staged.changes.toArray()).map((c) => c.clientId)).toEqual(['*']);
  });

  it('is not swapped in when an edit reached the workspace while it was copied', async () => {
    const data = sampleData();
    const current = workspace();
    await replaceWorkspace(current, data, buildSnapshot(data));
    const meta = pointer();
    const fresh = { ...data.clients[0]!, id: 'fresh' as never };
    let edited = false;
    const progress: number[] = [];
    const databasesBefore = await stagingDatabases();
    await expect(
      stageCopyWith(
        meta,
        current,
        { clients: [fresh] },
        'add',
        null,
        () => new ImportFailure({ code: 'changedMeanwhile', params: {} }),
        (rows, total) => {
          progress.push(rows, total);
          if (edited) return;
          edited = true;
          void saveTransaction(current, { ...data.transactions[0]!, amount: 1 });
        },
      ),
    ).rejects.toThrow(ImportFailure);
    expect(progress.length).toBeGreaterThan(0);
    expect(await meta.active()).toBe(DATABASE_NAME);
    // The staging database is gone again.
    expect(await stagingDatabases()).toEqual(databasesBefore);
  });
});
