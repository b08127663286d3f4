import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, type BackupData } from '$backup/format';
import { readBackup } from '$backup/read-backup';
import { changeSeq, readReminderStatus, recordExport, updateReminder } from '$db/backup-reminder';
import {
  insertRecords,
  mergeIntoWorkspace,
  readTablesInPages,
  replaceWorkspace,
} from '$db/backup-store';
import { TierwiseDb } from '$db/database';
import { saveTransaction } from '$db/record-repository';
import { buildSnapshot } from '$engine/index';
import { backupBlob, blobText, sampleData } from '../backup/backup-helpers';

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(
    `backup-test-${Math.random()}`,
    undefined,
    () => new Date('2026-01-01T00:00:00Z'),
  );
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

/** Every table, as text: equal dumps mean byte-for-byte equal contents. */
async function dump(db: TierwiseDb): Promise<string> {
  const tables: Record<string, unknown> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return JSON.stringify(tables);
}

async function fill(db: TierwiseDb, data: BackupData): Promise<void> {
  await replaceWorkspace(db, data, buildSnapshot(data));
}

describe('replacing the workspace', () => {
  it('writes every table and logs one rebuilt snapshot', async () => {
    const db = freshDb();
    const data = sampleData();
    const seq = await replaceWorkspace(db, data, buildSnapshot(data));
    for (const table of BACKUP_TABLES) {
      expect(await db.table(table).toArray()).toEqual(
        [...data[table]].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
    }
    expect(seq).toBeGreaterThan(0);
    expect((await db.snapshots.get('meta'))?.part === 'meta').toBe(true);
  });

  it('is all or nothing: a failure on the last table leaves every table as it was', async () => {
    const db = freshDb();
    const data = sampleData();
    await fill(db, data);
    const before = await dump(db);
    const next = sampleData();
    next.clients = next.clients.slice(0, 3);
    // A record without a key makes IndexedDB refuse the write after the others went in.
    (next.evaluations as unknown[]).push({ asOf: '2026-01-01' });
    await expect(replaceWorkspace(db, next, buildSnapshot(next))).rejects.toThrow();
    expect(await dump(db)).toBe(before);
  });

  it('keeps this device’s backup reminder', async () => {
    const db = freshDb();
    await recordExport(db, 5, new Date('2026-02-01T00:00:00Z'));
    await fill(db, sampleData());
    const settings = await db.settings.get('workspace');
    expect(settings?.backupReminder?.lastExportAt).toBe('2026-02-01T00:00:00.000Z');
    expect(settings?.currency).toBe('EUR');
  });
});

describe('merging', () => {
  it('writes what it is given and logs each touched client in the same transaction', async () => {
    const db = freshDb();
    await fill(db, sampleData());
    const seqBefore = await changeSeq(db);
    const client = {
      ...sampleData().clients[0]!,
      name: 'Renamed',
      updatedAt: '2027-01-01T00:00:00.000Z',
    };
    await mergeIntoWorkspace(db, { clients: [client] }, [client.id]);
    expect((await db.clients.get(client.id))?.name).toBe('Renamed');
    expect(await changeSeq(db)).toBe(seqBefore + 1);
    expect((await db.changes.toArray()).at(-1)?.clientId).toBe(client.id);
  });

  it('is all or nothing', async () => {
    const db = freshDb();
    await fill(db, sampleData());
    const before = await dump(db);
    const client = { ...sampleData().clients[0]!, name: 'Renamed' };
    await expect(
      mergeIntoWorkspace(db, { clients: [client], transactions: [{ amount: 1 }] }, [client.id]),
    ).rejects.toThrow();
    expect(await dump(db)).toBe(before);
  });
});

describe('adding imported records', () => {
  it('never overwrites: an id that exists fails the whole write, which leaves nothing', async () => {
    const db = freshDb();
    await fill(db, sampleData());
    const before = await dump(db);
    const fresh = { ...sampleData().clients[0]!, id: 'fresh' as never };
    const taken = sampleData().transactions[0]!;
    await expect(
      insertRecords(db, { clients: [fresh], transactions: [taken] }, { touchedClients: ['fresh'] }),
    ).rejects.toThrow();
    expect(await dump(db)).toBe(before);
    await insertRecords(db, { clients: [fresh] }, { touchedClients: ['fresh'] });
    expect((await db.clients.get(fresh.id))?.name).toBe(fresh.name);
    expect((await db.changes.toArray()).at(-1)?.clientId).toBe('fresh');
  });
});

describe('exporting', () => {
  it('reads every table in pages, in one transaction, into a file that reads back the same', async () => {
    const db = freshDb();
    await fill(db, sampleData());
    const data = sampleData();
    const read: Record<string, unknown[]> = {};
    let current = '';
    await readTablesInPages(db, BACKUP_TABLES, {
      counts: (counts) => expect(counts['transactions']).toBe(data.transactions.length),
      table: (name) => {
        current = name;
        read[name] = [];
      },
      page: (rows) => read[current]!.push(...rows),
    });
    const outcome = await readBackup(blobText(backupBlob(read as unknown as BackupData)));
    expect(outcome.ok).toBe(true);
    for (const table of BACKUP_TABLES) expect(read[table]).toHaveLength(data[table].length);
  });
});

describe('the backup reminder', () => {
  it('is due after the configured number of changes or days, and not for an empty workspace', async () => {
    const db = freshDb();
    const now = new Date('2026-01-03T00:00:00Z');
    expect((await readReminderStatus(db, now)).due).toBe(false);
    await fill(db, sampleData());
    await recordExport(db, await changeSeq(db), now);
    await updateReminder(db, { remindAfterChanges: 3, remindAfterDays: 7 });
    expect(await readReminderStatus(db, now)).toMatchObject({ due: false, changes: 0, days: 0 });
    const invoice = sampleData().transactions[0]!;
    for (const amount of [1, 2]) await saveTransaction(db, { ...invoice, amount }, now);
    expect(await readReminderStatus(db, now)).toMatchObject({ due: false, changes: 2 });
    await saveTransaction(db, { ...invoice, amount: 3 }, now);
    expect(await readReminderStatus(db, now)).toMatchObject({ due: true, changes: 3 });
    await recordExport(db, await changeSeq(db), now);
    expect((await readReminderStatus(db, now)).due).toBe(false);
    const later = new Date('2026-01-10T00:00:00Z');
    expect(await readReminderStatus(db, later)).toMatchObject({ due: true, days: 7 });
  });

  it('refuses invalid settings without writing', async () => {
    const db = freshDb();
    const before = await dump(db);
    await expect(updateReminder(db, { remindAfterDays: 0 })).rejects.toThrow();
    expect(await dump(db)).toBe(before);
  });
});
