import { Dexie } from 'dexie';
import type { Snapshot, SnapshotRecords } from '$engine/index';
import type { TierwiseDb } from './database';
import { SNAPSHOT_FORMAT, type ChangeRecord, type ScoresRecord } from './derived-records';

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

/** Pending changes, oldest first. */
export function readChanges(db: TierwiseDb): Promise<ChangeRecord[]> {
  return db.changes.toArray();
}

/**
 * Stores a snapshot, the scores made from it, and drops the changes it includes, in one
 * transaction: the snapshot, the scores and the outbox always agree.
 */
export async function saveScoring(
  db: TierwiseDb,
  snapshot: Snapshot,
  seq: number,
  scores: ScoresRecord,
  now: Date,
): Promise<void> {
  await db.transaction('rw', db.snapshots, db.scores, db.changes, async () => {
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
    await db.scores.put(scores);
    await db.changes.where('seq').belowOrEqual(seq).delete();
  });
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
