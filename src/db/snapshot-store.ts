import { Dexie } from 'dexie';
import type { Snapshot, SnapshotRecords } from '$engine/index';
import type { ScoresTableRecord, TierwiseDb } from './database';
import {
  ALL_CLIENTS,
  SNAPSHOT_FORMAT,
  type ChangeRecord,
  type FirstRows,
  type ScoresRecord,
  type ScoresStamp,
} from './derived-records';
import type { DatasetCounts } from '$schema/client-bundle';

const TABLES = ['clients', 'transactions', 'interactions', 'feedback', 'complaints'] as const;

/** The persisted snapshot and the last change folded into it; null when absent or outdated. */
export async function readSnapshot(
  db: TierwiseDb,
): Promise<{ snapshot: Snapshot; seq: number } | null> {
  const parts = await db.snapshots.toArray();
  const meta = parts.find((p) => p.part === 'meta');
  if (!meta || meta.part !== 'meta' || meta.format !== SNAPSHOT_FORMAT) return null;
  const snapshot: Partial<Record<keyof Snapshot, unknown>> = {};
  for (const part of parts) if (part.part !== 'meta') snapshot[part.part] = part.columns;
  if (TABLES.some((t) => snapshot[t] === undefined)) return null;
  return { snapshot: snapshot as Snapshot, seq: meta.seq }; // every part checked just above
}

/** The seq of the last change the persisted snapshot includes (0 when none). */
export async function snapshotSeq(db: TierwiseDb): Promise<number> {
  const meta = await db.snapshots.get('meta');
  return meta?.part === 'meta' ? meta.seq : 0;
}

/**
 * Whether a snapshot as of change `seq` should be stored: never over a newer one, nor over
 * one as new in the current format; over one as new in an older format, yes (it was
 * rebuilt because that one could not be read, and would be rebuilt at every start).
 */
export async function snapshotWorthStoring(db: TierwiseDb, seq: number): Promise<boolean> {
  const meta = await db.snapshots.get('meta');
  if (meta?.part !== 'meta') return true;
  return seq > meta.seq || (seq === meta.seq && meta.format !== SNAPSHOT_FORMAT);
}

/** Pending changes, oldest first. */
export function readChanges(db: TierwiseDb): Promise<ChangeRecord[]> {
  return db.changes.toArray();
}

/**
 * Stores a snapshot and drops the changes it includes, in one transaction: the snapshot
 * and the outbox always agree (every change after `seq` is still in the log).
 */
export async function saveSnapshot(
  db: TierwiseDb,
  snapshot: Snapshot,
  seq: number,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.snapshots, db.changes, async () => {
    await db.snapshots.bulkPut([
      {
        part: 'meta',
        format: SNAPSHOT_FORMAT,
        seq,
        clients: snapshot.clients.ids.length,
        builtAt: now.toISOString(),
      },
      ...TABLES.map((part) => ({ part, columns: snapshot[part] })),
    ]);
    await db.changes.where('seq').belowOrEqual(seq).delete();
  });
}

/**
 * Logs that every client changed and stores the snapshot of the new data as of that
 * change, atomically: the scorer never sees the change without the snapshot, so it never
 * rebuilds from a million rows what the writer already had in columns.
 * @returns the change's seq
 */
export async function logRebuiltSnapshot(
  db: TierwiseDb,
  snapshot: Snapshot,
  now: Date,
): Promise<number> {
  return db.transaction('rw', db.snapshots, db.changes, async () => {
    // The log's key is auto-incremented: add always returns it.
    const seq = Number(await db.changes.add({ clientId: ALL_CLIENTS }));
    await saveSnapshot(db, snapshot, seq, now);
    return seq;
  });
}

/** Stores the latest scores (the snapshot is saved on its own, less often). */
export async function saveScores(
  db: TierwiseDb,
  scores: ScoresRecord,
  counts: DatasetCounts,
  firstRows?: FirstRows,
): Promise<void> {
  const stamp = scoresStamp(scores, counts);
  await db.scores.bulkPut(firstRows ? [scores, stamp, firstRows] : [scores, stamp]);
}

/** Stamps scores saved without one (before stamps existed). */
export async function saveScoresStamp(
  db: TierwiseDb,
  scores: ScoresRecord,
  counts: DatasetCounts,
): Promise<void> {
  await db.scores.put(scoresStamp(scores, counts));
}

/** The stamp saved beside `scores` (and pushed to the page before they are saved). */
export function scoresStamp(scores: ScoresRecord, counts: DatasetCounts): ScoresStamp {
  const { computedAt, asOf, seq, latestTransaction, engineVersion, modelId, modelUpdatedAt } =
    scores;
  return {
    id: 'stamp',
    computedAt,
    asOf,
    seq,
    counts,
    engineVersion,
    modelId,
    modelUpdatedAt,
    ...(latestTransaction === undefined ? {} : { latestTransaction }),
  };
}

/**
 * The last change the data holds: the newest in the log, else the one the stored
 * snapshot includes (the log is emptied up to it when the snapshot is stored).
 */
export async function latestChangeSeq(db: TierwiseDb): Promise<number> {
  const [last, stored] = await Promise.all([db.changes.orderBy('seq').last(), snapshotSeq(db)]);
  return Math.max(last?.seq ?? 0, stored);
}

/** The latest scores, or undefined before the first run. */
export async function readScores(db: TierwiseDb): Promise<ScoresRecord | undefined> {
  const record = await db.scores.get('current');
  return record?.id === 'current' ? record : undefined;
}

/** The first rows of the default list, saved with the latest scores (see `FirstRows`). */
export async function readFirstRows(db: TierwiseDb): Promise<FirstRows | undefined> {
  return firstRowsIn(await db.scores.get('first-rows'));
}

/** The record under the `scores` table's key `first-rows`, if it is one. */
export function firstRowsIn(record: ScoresTableRecord | undefined): FirstRows | undefined {
  return record?.id === 'first-rows' ? record : undefined;
}

/** The latest scores' stamp: a few bytes, for watching (see `ScoresStamp`). */
export async function readScoresStamp(db: TierwiseDb): Promise<ScoresStamp | undefined> {
  return scoresStampIn(await db.scores.get('stamp'));
}

/** The record under the `scores` table's key `stamp`, if it is one. */
export function scoresStampIn(record: ScoresTableRecord | undefined): ScoresStamp | undefined {
  return record?.id === 'stamp' ? record : undefined;
}

/** Every client and record, for a full rebuild (slow for large bases: 10–16 s a million rows). */
export async function readAllRecords(db: TierwiseDb): Promise<SnapshotRecords> {
  return db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    async () => ({
      clients: await db.clients.toArray(),
      transactions: await db.transactions.toArray(),
      interactions: await db.interactions.toArray(),
      feedback: await db.feedback.toArray(),
      complaints: await db.complaints.toArray(),
    }),
  );
}

/** Some clients and their records, through the `[clientId+date]` indexes (≈1 ms a client). */
export async function readClientRecords(
  db: TierwiseDb,
  ids: readonly string[],
): Promise<SnapshotRecords> {
  return db.transaction(
    'r',
    TABLES.map((t) => db.table(t)),
    async () => {
      const range = (id: string): [unknown[], unknown[]] => [
        [id, Dexie.minKey],
        [id, Dexie.maxKey],
      ];
      const rows = async <T>(table: Dexie.Table<T>, index: string): Promise<T[]> =>
        (
          await Promise.all(
            ids.map((id) =>
              table
                .where(index)
                .between(...range(id), true, true)
                .toArray(),
            ),
          )
        ).flat();
      const clients = await db.clients
        .where('id')
        .anyOf([...ids])
        .toArray();
      return {
        clients,
        transactions: await rows(db.transactions, '[clientId+date]'),
        interactions: await rows(db.interactions, '[clientId+date]'),
        feedback: await rows(db.feedback, '[clientId+date]'),
        complaints: await rows(db.complaints, '[clientId+openedAt]'),
      };
    },
  );
}

export type { ScoresRecord };
