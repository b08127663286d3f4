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
 * Row counts as of the latest scores, which carry them for free. After an edit they lag
 * until its rescore lands (a fraction of a second; the view follows the stamp), which
 * beats walking a million rows on every edit — a walk that holds up every other request
 * to the database, the rescore's own included. The rows are counted only when there are
 * no scores, or when what was scored has been replaced wholesale since: data cleared or a
 * base loaded (a change naming every client), or a snapshot stored after them.
 */
export async function currentCounts(db: TierwiseDb): Promise<DatasetCounts> {
  const [stamp, meta] = await Promise.all([readScoresStamp(db), db.snapshots.get('meta')]);
  if (stamp === undefined || (meta?.part === 'meta' && meta.seq > stamp.seq)) {
    return countRecords(db);
  }
  const since = await db.changes.where('seq').above(stamp.seq).toArray();
  return since.some((change) => change.clientId === ALL_CLIENTS) ? countRecords(db) : stamp.counts;
}
