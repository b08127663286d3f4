import { Dexie } from 'dexie';
import { clientSchema, type Client } from '$schema/client';
import { clientIdSchema } from '$schema/common';
import { mergeRecordSchema, type MergeRecord, type MovedRecord } from '$schema/merge';
import { RECORD_TABLES, type RecordTable, type TierwiseDb } from './database';

/** A merge or undo that cannot be made as asked; nothing was written. */
export class MergeError extends Error {
  override name = 'MergeError';
  constructor(
    readonly code: 'same' | 'missing' | 'gone' | 'occupied',
    message: string,
  ) {
    super(message);
  }
}

/** The second half of each record table's `[clientId+…]` index. */
const DATED_BY: Record<RecordTable, string> = {
  transactions: 'date',
  interactions: 'date',
  feedback: 'date',
  complaints: 'openedAt',
};

/** Text fields of the kept client that the merged one fills when the kept one's is blank. */
const FILLED_FIELDS = ['company', 'email', 'phone', 'industry', 'region', 'source'] as const;

/** The kept client with the merged one's tags added and its blank text fields filled. */
export function combinedClient(kept: Client, merged: Client, stamp: string): Client {
  const combined: Client = { ...kept, updatedAt: stamp };
  combined.tags = [...new Set([...kept.tags, ...merged.tags])].slice(0, 50);
  for (const field of FILLED_FIELDS) {
    if (kept[field] === '' && merged[field] !== '') combined[field] = merged[field];
  }
  // The merged client may have been referred by the kept one; a client never refers itself.
  if (combined.referredById === merged.id) delete combined.referredById;
  return combined;
}

function tablesOf(db: TierwiseDb) {
  return [db.clients, ...RECORD_TABLES.map((t) => db.table(t)), db.merges, db.changes];
}

/**
 * Merges client `mergedId` into `keptId` in ONE transaction: every invoice, contact,
 * feedback and complaint of the merged client moves to the kept one, clients it had
 * referred are referred by the kept one, the kept client gains its tags and blank fields,
 * the merged client is deleted, and a merge record keeps what `undoMerge` needs. Both
 * clients (and the referred ones) are logged for the scorer. Evaluations stay as taken: they
 * record the past, under the ids clients had then.
 * @throws MergeError when the ids are equal or either client is missing
 */
export async function mergeClients(
  db: TierwiseDb,
  keptId: string,
  mergedId: string,
  now: Date = new Date(),
): Promise<MergeRecord> {
  if (keptId === mergedId) throw new MergeError('same', 'A client cannot be merged into itself.');
  const stamp = now.toISOString();
  return db.transaction('rw', tablesOf(db), async () => {
    const [kept, merged] = await Promise.all([
      db.clients.get(clientIdSchema.parse(keptId)),
      db.clients.get(clientIdSchema.parse(mergedId)),
    ]);
    if (!kept || !merged)
      throw new MergeError('missing', 'One of the two clients no longer exists.');
    const moved = { transactions: [], interactions: [], feedback: [], complaints: [] } as Record<
      RecordTable,
      MovedRecord[]
    >; // filled below, one list per table
    for (const name of RECORD_TABLES) {
      const table = db.table<{ id: string; clientId: string; updatedAt: string }, string>(name);
      const rows = await table
        .where(`[clientId+${DATED_BY[name]}]`)
        .between([mergedId, Dexie.minKey], [mergedId, Dexie.maxKey])
        .toArray();
      moved[name] = rows.map((r) => [r.id, r.updatedAt]);
      await table.bulkPut(rows.map((r) => ({ ...r, clientId: keptId, updatedAt: stamp })));
    }
    // No index on referredById: one pass over the clients (50,000 small rows: fast).
    const referred = await db.clients.filter((c) => c.referredById === mergedId).toArray();
    const referrals: MovedRecord[] = referred
      .filter((c) => c.id !== keptId)
      .map((c) => [c.id, c.updatedAt]);
    await db.clients.bulkPut(
      referred
        .filter((c) => c.id !== keptId)
        .map((c) => ({ ...c, referredById: kept.id, updatedAt: stamp })),
    );
    await db.clients.put(clientSchema.parse(combinedClient(kept, merged, stamp)));
    await db.clients.delete(merged.id);
    const record = mergeRecordSchema.parse({
      id: crypto.randomUUID(),
      mergedAt: stamp,
      keptId,
      mergedId,
      merged,
      keptBefore: kept,
      moved: { ...moved, referrals },
    });
    await db.merges.add(record);
    await db.changes.bulkAdd(
      [keptId, mergedId, ...referrals.map(([id]) => id)].map((clientId) => ({ clientId })),
    );
    return record;
  });
}

/**
 * Undoes a merge, at any later time, in ONE transaction: the merged client comes back
 * exactly as it was, every record the merge moved goes back to it (with its `updatedAt` of
 * before, unless edited since: then stamped now), and the kept client's fields the merge
 * changed go back unless edited since. The merge record is removed. Records added to the
 * kept client after the merge stay with it; a moved record deleted since stays deleted.
 * @throws MergeError when the merge is unknown, the kept client is gone, or the merged
 *   client's id is taken again (nothing is written)
 */
export async function undoMerge(
  db: TierwiseDb,
  mergeId: string,
  now: Date = new Date(),
): Promise<MergeRecord> {
  const stamp = now.toISOString();
  return db.transaction('rw', tablesOf(db), async () => {
    const record = await db.merges.get(mergeId);
    if (!record) throw new MergeError('gone', 'This merge is no longer recorded.');
    const { keptId, mergedId, mergedAt } = record;
    const [kept, occupied] = await Promise.all([db.clients.get(keptId), db.clients.get(mergedId)]);
    if (!kept) throw new MergeError('missing', 'The kept client no longer exists.');
    if (occupied) throw new MergeError('occupied', 'A client with the merged id exists again.');
    /** `updatedAt` back as before the merge when untouched since, else now. */
    const restored = (before: string, current: string): string =>
      current === mergedAt ? before : stamp;
    for (const name of RECORD_TABLES) {
      const table = db.table<{ id: string; clientId: string; updatedAt: string }, string>(name);
      const pairs = record.moved[name];
      const rows = await table.bulkGet(pairs.map(([id]) => id));
      const back = rows.flatMap((row, i) =>
        row && row.clientId === keptId
          ? [
              {
                ...row,
                clientId: mergedId,
                updatedAt: restored(pairs[i]?.[1] ?? stamp, row.updatedAt),
              },
            ]
          : [],
      );
      await table.bulkPut(back);
    }
    const referrals = record.moved.referrals;
    const referred = await db.clients.bulkGet(referrals.map(([id]) => id as Client['id']));
    await db.clients.bulkPut(
      referred.flatMap((c, i) =>
        c && c.referredById === keptId
          ? [
              {
                ...c,
                referredById: mergedId,
                updatedAt: restored(referrals[i]?.[1] ?? stamp, c.updatedAt),
              },
            ]
          : [],
      ),
    );
    await db.clients.put(record.merged);
    await db.clients.put(revertKept(kept, record, stamp));
    await db.merges.delete(record.id);
    await db.changes.bulkAdd(
      [keptId, mergedId, ...referrals.map(([id]) => id)].map((clientId) => ({ clientId })),
    );
    return record;
  });
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The kept client with the merge's changes taken back: exactly as before when untouched
 * since the merge; else each field the merge changed goes back if it still holds the
 * merge's value, and the rest of the edits made since stay.
 */
function revertKept(kept: Client, record: MergeRecord, stamp: string): Client {
  if (kept.updatedAt === record.mergedAt) return record.keptBefore;
  const after = combinedClient(record.keptBefore, record.merged, record.mergedAt);
  const reverted: Record<string, unknown> = { ...kept };
  const keys = new Set([...Object.keys(after), ...Object.keys(record.keptBefore)]);
  for (const key of keys) {
    if (key === 'updatedAt') continue;
    const before = (record.keptBefore as Record<string, unknown>)[key]; // every field, by name
    const merged = (after as Record<string, unknown>)[key]; // as above
    if (!same(before, merged) && same(reverted[key], merged)) reverted[key] = before;
  }
  // A field the merge added where there was none goes again (not kept as `undefined`).
  const present = Object.entries(reverted).filter(([, value]) => value !== undefined);
  return clientSchema.parse({ ...Object.fromEntries(present), updatedAt: stamp });
}

/** Every recorded merge, newest first. */
export function listMerges(db: TierwiseDb): Promise<MergeRecord[]> {
  return db.merges.orderBy('mergedAt').reverse().toArray();
}
