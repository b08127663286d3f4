import type { Snapshot } from '$engine/index';
import { SETTINGS_ID, type Settings } from '$schema/settings';
import type { TierwiseDb } from './database';
import { ALL_CLIENTS } from './derived-records';
import { progressCounter, writeInKeyOrder } from './bulk-write';
import { logRebuiltSnapshot } from './snapshot-store';

/**
 * Whole-workspace reads and writes for backups and imports. Tables are named by the
 * caller (the backup format owns the list); every one of them has the primary key `id`.
 */

/** Rows per read page and per write call: big enough to be fast, small enough to report progress. */
export const PAGE_ROWS = 20_000;

/** More touched clients than this are logged as one "everything changed". */
const MAX_LOGGED_CLIENTS = 10_000;

/**
 * Reads `tables` page by page inside one read transaction, so the pages form one
 * consistent picture even while other tabs write. The reader must not await anything.
 */
export interface PageReader {
  /** The row count of each table, first. */
  counts(counts: Record<string, number>): void;
  /** A table starts (called for every table, empty ones too). */
  table(name: string): void;
  /** The next page of the current table, in key order. */
  page(rows: { id: string }[]): void;
}

export async function readTablesInPages(
  db: TierwiseDb,
  tables: readonly string[],
  reader: PageReader,
): Promise<void> {
  await db.transaction(
    'r',
    tables.map((name) => db.table(name)),
    async () => {
      const counts: Record<string, number> = {};
      for (const name of tables) counts[name] = await db.table(name).count();
      reader.counts(counts);
      for (const name of tables) {
        reader.table(name);
        const table = db.table<{ id: string }, string>(name);
        let last: string | undefined;
        for (;;) {
          const query = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
          const rows = await query.limit(PAGE_ROWS).toArray();
          const final = rows.at(-1);
          if (!final) break;
          reader.page(rows);
          last = final.id;
        }
      }
    },
  );
}

/** The workspace's version of some records, by id (`undefined` where it has none). */
export async function readExisting<T>(
  db: TierwiseDb,
  table: string,
  ids: readonly string[],
): Promise<(T | undefined)[]> {
  const found: (T | undefined)[] = [];
  for (let i = 0; i < ids.length; i += PAGE_ROWS) {
    found.push(...(await db.table<T, string>(table).bulkGet(ids.slice(i, i + PAGE_ROWS))));
  }
  return found;
}

export interface BulkWriteOptions {
  /** Rows written, all tables together, called after each page. */
  onProgress?: (rows: number) => void;
  now?: Date;
}

/**
 * Replaces every table in `rows` with the given records and stores the snapshot built
 * from them, in ONE transaction: a failure anywhere — a quota error on the last page, a
 * closed tab — leaves the workspace exactly as it was. The settings' backup reminder is
 * kept: it describes this device, not the file.
 * @returns the change-log seq the snapshot is stored at (for `ScoringService.adopt`)
 */
export async function replaceWorkspace(
  db: TierwiseDb,
  rows: Record<string, readonly unknown[]>,
  snapshot: Snapshot,
  { onProgress, now = new Date() }: BulkWriteOptions = {},
): Promise<number> {
  const names = Object.keys(rows);
  const tables = [...names, 'snapshots', 'changes'].map((name) => db.table(name));
  const progress = progressCounter(onProgress);
  return db.transaction('rw', tables, async () => {
    const current = await db.settings.get(SETTINGS_ID);
    for (const name of names) await db.table(name).clear();
    for (const name of names) {
      let records = rows[name] ?? [];
      if (name === 'settings' && current?.backupReminder) {
        records = (records as Settings[]).map((s) => ({
          ...s,
          backupReminder: current.backupReminder,
        }));
      }
      await writeInKeyOrder(db, name, records, 'put', PAGE_ROWS, progress);
    }
    return logRebuiltSnapshot(db, snapshot, now);
  });
}

/**
 * Writes merged records (new ones and the ones the file has newer) and logs the touched
 * clients for the scoring worker, in ONE transaction.
 * @param touchedClients clients whose records change; `*` for all
 */
export async function mergeIntoWorkspace(
  db: TierwiseDb,
  rows: Record<string, readonly unknown[]>,
  touchedClients: readonly string[],
  { onProgress }: BulkWriteOptions = {},
): Promise<void> {
  const names = Object.keys(rows);
  const tables = [...names, 'changes'].map((name) => db.table(name));
  const progress = progressCounter(onProgress);
  await db.transaction('rw', tables, async () => {
    for (const name of names) {
      await writeInKeyOrder(db, name, rows[name] ?? [], 'put', PAGE_ROWS, progress);
    }
    if (touchedClients.length > MAX_LOGGED_CLIENTS) {
      await db.changes.add({ clientId: ALL_CLIENTS });
    } else if (touchedClients.length > 0) {
      await db.changes.bulkAdd(touchedClients.map((clientId) => ({ clientId })));
    }
  });
}

/** Every client's id and name, for matching imported rows (≈50,000 small rows: fast). */
export async function readClientKeys(
  db: TierwiseDb,
): Promise<{ ids: Set<string>; byName: Map<string, string> }> {
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  await db.clients.each((client) => {
    ids.add(client.id);
    if (!byName.has(client.name)) byName.set(client.name, client.id);
  });
  return { ids, byName };
}

/**
 * Adds new records — never overwriting: an id that exists fails the whole write — and
 * tells the scorer, in ONE transaction. With `snapshot` (the workspace was empty, so the
 * new records are all of it) the snapshot is stored as of the change, as the sample
 * loader does; otherwise each touched client is logged.
 * @returns the change seq when a snapshot was stored
 */
export async function insertRecords(
  db: TierwiseDb,
  rows: Record<string, readonly unknown[]>,
  change: { snapshot: Snapshot } | { touchedClients: readonly string[] },
  { onProgress, now = new Date() }: BulkWriteOptions = {},
): Promise<number | null> {
  const names = Object.keys(rows);
  const tables = [...names, 'snapshots', 'changes'].map((name) => db.table(name));
  const progress = progressCounter(onProgress);
  return db.transaction('rw', tables, async () => {
    for (const name of names) {
      await writeInKeyOrder(db, name, rows[name] ?? [], 'add', PAGE_ROWS, progress);
    }
    if ('snapshot' in change) return logRebuiltSnapshot(db, change.snapshot, now);
    const touched = change.touchedClients;
    if (touched.length > MAX_LOGGED_CLIENTS) await db.changes.add({ clientId: ALL_CLIENTS });
    else if (touched.length > 0) {
      await db.changes.bulkAdd(touched.map((clientId) => ({ clientId })));
    }
    return null;
  });
}
