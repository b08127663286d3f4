import type { DatasetCounts } from '$schema/client-bundle';
import { DATA_TABLES, type TierwiseDb } from './database';
import { ALL_CLIENTS } from './derived-records';
import { readScoresStamp } from './snapshot-store';

/**
 * Row counts of the client tables, counted. Slow at scale: IndexedDB's `count()` walks the
 * rows (≈1.3 s for a million invoices in Chromium) and holds up every other request to the
 * database meanwhile — views read `currentCounts` instead.
 */
export async function countRecords(db: TierwiseDb): Promise<DatasetCounts> {
  const [clients, transactions, interactions, feedback, complaints] = await Promise.all([
    db.clients.count(),
    db.transactions.count(),
    db.interactions.count(),
    db.feedback.count(),
    db.complaints.count(),
  ]);
  return { clients, transactions, interactions, feedback, complaints };
}

/**
 * Deletes every client and every record and tells the scorer, in one transaction: either
 * all of it happens or none. The scoring model and the settings stay.
 */
export async function clearAllData(db: TierwiseDb): Promise<void> {
  const tables = DATA_TABLES.map((name) => db.table(name));
  await db.transaction('rw', [...tables, db.changes], async () => {
    await Promise.all(tables.map((table) => table.clear()));
    await db.changes.add({ clientId: ALL_CLIENTS });
  });
}

/**
 * Row counts as of the latest scores, which carry them for free — when those scores are
 * current: a change logged or a snapshot stored after them (data cleared, a base loaded,
 * a failed run) means they are not, and the rows are counted.
 */
export async function currentCounts(db: TierwiseDb): Promise<DatasetCounts> {
  const [stamp, lastChange, meta] = await Promise.all([
    readScoresStamp(db),
    db.changes.orderBy('seq').last(),
    db.snapshots.get('meta'),
  ]);
  const latest = Math.max(lastChange?.seq ?? 0, meta?.part === 'meta' ? meta.seq : 0);
  return stamp && stamp.seq >= latest ? stamp.counts : countRecords(db);
}
