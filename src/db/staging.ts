import { Dexie } from 'dexie';
import type { Snapshot } from '$engine/index';
import type { BackupReminder, Settings } from '$schema/settings';
import { DATA_TABLES, TierwiseDb } from './database';
import { ALL_CLIENTS } from './derived-records';
import { progressCounter, writePage, writeStagedInKeyOrder } from './bulk-write';
import { logRebuiltSnapshot } from './snapshot-store';
import { stagingName, type WorkspacePointer } from './workspace-pointer';

/**
 * Very large imports, written into a fresh database that is then swapped in. One
 * transaction of a million rows takes Chromium many times longer than the same rows in
 * chunks (docs/storage.md, "The workspace pointer"), and chunks cannot be undone — so
 * they go where nobody reads until the pointer moves.
 */

/** Above this many rows written, an import is staged instead of one transaction. */
export const STAGING_ROWS = 100_000;

/** Rows per transaction in a staging database: fast, and progress every few seconds. */
export const STAGING_CHUNK_ROWS = 25_000;

/** The user-data tables a staged insert copies from the workspace (derived ones are rebuilt). */
const COPIED_TABLES = ['settings', 'models', ...DATA_TABLES] as const;

export interface StagedWriteOptions {
  /** Rows written so far, called after each chunk. */
  onProgress?: (rows: number) => void;
  now?: Date;
  chunkRows?: number;
}

/**
 * Opens a fresh staging database, lets `fill` write it, runs `check`, and then points the
 * workspace at it. Until that last step nothing anyone reads has changed; a failure
 * anywhere before it deletes the staging database and rethrows.
 * @param fill writes the staging database; its result is returned
 * @param check a last look at the current workspace just before the flip (throws to abort)
 * @returns the new database's name and what `fill` returned
 */
export async function stageWorkspace<T>(
  pointer: WorkspacePointer,
  fill: (staging: TierwiseDb) => Promise<T>,
  check: () => Promise<void> = async () => {},
): Promise<{ name: string; result: T }> {
  const name = stagingName();
  const staging = new TierwiseDb(name);
  try {
    const result = await fill(staging);
    await check();
    staging.close();
    await pointer.pointTo(name);
    return { name, result };
  } catch (error) {
    staging.close();
    await Dexie.delete(name).catch(() => {});
    throw error;
  }
}

/** A new database starts with the default settings and model: a staged workspace brings its own. */
async function clearDefaults(staging: TierwiseDb): Promise<void> {
  await staging.transaction('rw', staging.settings, staging.models, async () => {
    await staging.settings.clear();
    await staging.models.clear();
  });
}

/**
 * Fills a staging database with the replacement records, as `replaceWorkspace` does in
 * one transaction: every table given, this device's backup reminder kept, and the
 * snapshot stored as of one logged change.
 * @returns the change seq the snapshot is stored at (for `ScoringService.adopt`)
 */
export async function fillReplacement(
  staging: TierwiseDb,
  rows: Record<string, readonly unknown[]>,
  snapshot: Snapshot,
  reminder: BackupReminder | undefined,
  { onProgress, now = new Date(), chunkRows = STAGING_CHUNK_ROWS }: StagedWriteOptions = {},
): Promise<number> {
  const count = progressCounter(onProgress);
  await clearDefaults(staging);
  for (const [name, list] of Object.entries(rows)) {
    let records = list;
    if (name === 'settings' && reminder) {
      records = (list as Settings[]).map((s) => ({ ...s, backupReminder: reminder }));
    }
    await writeStagedInKeyOrder(staging, name, records, 'put', chunkRows, count);
  }
  return logRebuiltSnapshot(staging, snapshot, now);
}

/**
 * Fills a staging database with a copy of `current`'s records, page by page, then writes
 * `rows` over it: `add` never overwrites (an id that exists fails the whole import, as
 * `insertRecords` does), `put` writes merged records (as `mergeIntoWorkspace` does). The
 * derived tables are not copied: with `snapshot` (the workspace was empty) it is stored as
 * of the change; otherwise one "everything changed" is logged and the scorer rebuilds.
 * @returns the change seq when a snapshot was stored
 */
export async function fillCopyWith(
  staging: TierwiseDb,
  current: TierwiseDb,
  rows: Record<string, readonly unknown[]>,
  mode: 'add' | 'put',
  snapshot: Snapshot | null,
  { onProgress, now = new Date(), chunkRows = STAGING_CHUNK_ROWS }: StagedWriteOptions = {},
): Promise<number | null> {
  const count = progressCounter(onProgress);
  await clearDefaults(staging);
  for (const name of COPIED_TABLES) {
    const table = current.table<{ id: string }, string>(name);
    let last: string | undefined;
    for (;;) {
      // Each page is its own short read: a read transaction cannot stay open across the
      // writes to the other database.
      const query = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
      const page = await query.limit(chunkRows).toArray();
      const final = page.at(-1);
      if (!final) break;
      await writePage(staging, name, page, 'put');
      count(page.length);
      last = final.id;
    }
  }
  for (const [name, list] of Object.entries(rows)) {
    await writeStagedInKeyOrder(staging, name, list, mode, chunkRows, count);
  }
  if (snapshot) return logRebuiltSnapshot(staging, snapshot, now);
  await staging.changes.add({ clientId: ALL_CLIENTS });
  return null;
}

/**
 * What the user can change in a workspace, summed up: the change log's high-water mark
 * (every record saved moves it), the settings and the models, and the row counts. Equal
 * before and after a staged copy means no edit would be lost by swapping.
 */
export async function workspaceFingerprint(db: TierwiseDb): Promise<string> {
  const tables = [...COPIED_TABLES, 'changes', 'snapshots'].map((name) => db.table(name));
  return db.transaction('r', tables, async () => {
    const last = await db.changes.orderBy('seq').last();
    const meta = await db.snapshots.get('meta');
    const counts = await Promise.all(COPIED_TABLES.map((name) => db.table(name).count()));
    return JSON.stringify([
      Math.max(last?.seq ?? 0, meta?.part === 'meta' ? meta.seq : 0),
      await db.settings.toArray(),
      (await db.models.toArray()).map((m) => [m.id, m.updatedAt, m.active]),
      counts,
    ]);
  });
}

/** The rows a staged copy copies, for its progress total. */
async function countCopiedRows(db: TierwiseDb): Promise<number> {
  const counts = await Promise.all(COPIED_TABLES.map((name) => db.table(name).count()));
  return counts.reduce((sum, n) => sum + n, 0);
}

/**
 * A very large import into a workspace that has data: the workspace is copied into a
 * staging database with `rows` written over it (see `fillCopyWith`), which is swapped in
 * — unless an edit reached the workspace meanwhile, which the copy would lose: then
 * nothing changes and `changedMeanwhile()` is thrown.
 * @param onProgress rows written so far, of `total` (the copy and the new rows)
 * @returns the new database's name, for `WorkspaceSwap.swapped`
 */
export async function stageCopyWith(
  pointer: WorkspacePointer,
  current: TierwiseDb,
  rows: Record<string, readonly unknown[]>,
  mode: 'add' | 'put',
  snapshot: Snapshot | null,
  changedMeanwhile: () => Error,
  onProgress?: (rows: number, total: number) => void,
): Promise<string> {
  const before = await workspaceFingerprint(current);
  const written = Object.values(rows).reduce((sum, list) => sum + list.length, 0);
  const total = written + (await countCopiedRows(current));
  const { name } = await stageWorkspace(
    pointer,
    (staging) =>
      fillCopyWith(staging, current, rows, mode, snapshot, {
        onProgress: (n) => onProgress?.(n, total),
      }),
    async () => {
      if ((await workspaceFingerprint(current)) !== before) throw changedMeanwhile();
    },
  );
  return name;
}
