import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { TierwiseDb } from '$db/database';
import { writeBundles } from '$db/dataset-writer';
import { logRebuiltSnapshot, readAllRecords, snapshotSeq } from '$db/snapshot-store';
import { buildSnapshot, type Snapshot } from '$engine/index';
import type { ClientId } from '$schema/common';

/** The day the generated base ends, and the fixed evaluation date the scoring tests use. */
export const AS_OF = '2026-06-30';

/** A database with a random name; `deleteDatabases` removes every one opened. */
export function openDatabase(prefix: string, open: TierwiseDb[]): TierwiseDb {
  const db = new TierwiseDb(`${prefix}-${Math.random()}`);
  open.push(db);
  return db;
}

export async function deleteDatabases(open: TierwiseDb[]): Promise<void> {
  for (const db of open.splice(0)) await db.delete();
}

/**
 * Writes a small generated base and stores its snapshot with one "everything changed"
 * entry, as loading the sample does.
 * @returns the snapshot stored, its seq and the clients' ids (sorted, as in the snapshot)
 */
export async function seedBase(
  db: TierwiseDb,
  clients = 12,
): Promise<{ snapshot: Snapshot; seq: number; ids: ClientId[] }> {
  const bundles = [...generateDataset({ seed: 7, asOf: AS_OF, clients, transactions: 90 })];
  await writeBundles(db, bundles);
  const snapshot = buildSnapshot(collectRecords(bundles));
  const seq = await logRebuiltSnapshot(db, snapshot, new Date());
  // The snapshot holds the ids of the clients just written, which are ClientIds.
  return { snapshot, seq, ids: snapshot.clients.ids as ClientId[] };
}

/** The snapshot of every row stored now: what a snapshot kept up to date must equal. */
export async function snapshotOfRows(db: TierwiseDb): Promise<Snapshot> {
  return buildSnapshot(await readAllRecords(db));
}

/**
 * The seq of the last change logged, whether still in the log or already in the stored
 * snapshot (storing it drains the changes it includes); 0 when none was.
 */
export async function lastChangeSeq(db: TierwiseDb): Promise<number> {
  const last = await db.changes.orderBy('seq').last();
  return Math.max(last?.seq ?? 0, await snapshotSeq(db));
}

/**
 * Deletes a client with every record of theirs and logs the change, in one transaction,
 * as a repository would (the app archives clients; no repository deletes one yet).
 */
export async function deleteClient(db: TierwiseDb, id: ClientId): Promise<void> {
  const tables = [db.clients, db.transactions, db.interactions, db.feedback, db.complaints];
  await db.transaction('rw', [...tables, db.changes], async () => {
    await db.clients.delete(id);
    await db.transactions.where('clientId').equals(id).delete();
    await db.interactions.where('clientId').equals(id).delete();
    await db.feedback.where('clientId').equals(id).delete();
    await db.complaints.where('clientId').equals(id).delete();
    await db.changes.add({ clientId: id });
  });
}
