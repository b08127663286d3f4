import { Dexie } from 'dexie';
import type { Complaint } from '$schema/complaint';
import type { Feedback } from '$schema/feedback';
import type { Interaction } from '$schema/interaction';
import type { TierwiseDb } from './database';
import { saveEdit, type FieldEdit } from './record-edit';

/**
 * A client's contacts, feedback and complaints: saved after validation, deleted and
 * restored, each time with a note in the change log for the scoring worker, in the same
 * transaction. (Invoices have their own repository: record-repository.ts.)
 */
interface Kinds {
  interactions: Interaction;
  feedback: Feedback;
  complaints: Complaint;
}
export type RecordKind = keyof Kinds;
export type RecordOf<K extends RecordKind> = Kinds[K];

/**
 * The kinds' schemas and the far-future refusal, loaded with the first save (a start
 * carries no zod: see `startChunk` in vite.config.ts), and before a transaction: Dexie ends
 * a transaction that waits on anything but the database.
 */
async function validation() {
  const [{ RECORD_SCHEMAS }, { refuseFarFuture }] = await Promise.all([
    import('./record-schemas'),
    import('$schema/common'),
  ]);
  return { schemas: RECORD_SCHEMAS, refuseFarFuture };
}

/** The date each kind is listed by: the second half of its `[clientId+…]` index. */
const DATED_BY: { [K in RecordKind]: string } = {
  interactions: 'date',
  feedback: 'date',
  complaints: 'openedAt',
};

/** The dates of each kind that a form or import may not set more than a year ahead. */
const DATED_FIELDS: { [K in RecordKind]: readonly string[] } = {
  interactions: ['date', 'followUpDate'],
  feedback: ['date'],
  complaints: ['openedAt', 'resolvedAt'],
};

/** One client's records of a kind, newest first. */
export function listClientRecords<K extends RecordKind>(
  db: TierwiseDb,
  kind: K,
  clientId: string,
): Promise<Kinds[K][]> {
  return db
    .table<Kinds[K], string>(kind)
    .where(`[clientId+${DATED_BY[kind]}]`)
    .between([clientId, Dexie.minKey], [clientId, Dexie.maxKey])
    .reverse()
    .toArray();
}

/** The fields a form provides: no timestamps, an id only when editing, no resolution yet. */
export type RecordInput<K extends RecordKind> = Omit<
  Kinds[K],
  'id' | 'createdAt' | 'updatedAt' | 'resolution'
> & { id?: string; resolution?: string };

/**
 * Adds a record (or, given the id of one, writes it whole: for a record the user has
 * seen whole, such as an Undo; a form's edit goes through `editClientRecord`).
 * @throws ZodError naming the field when the record is invalid or dated more than a year
 *   ahead (nothing is written)
 */
export async function saveClientRecord<K extends RecordKind>(
  db: TierwiseDb,
  kind: K,
  input: RecordInput<K>,
  now: Date = new Date(),
): Promise<Kinds[K]> {
  const table = db.table<Kinds[K], string>(kind);
  const stamp = now.toISOString();
  const { schemas, refuseFarFuture } = await validation();
  return db.transaction('rw', table, db.changes, async () => {
    const id = input.id ?? crypto.randomUUID();
    const existing = await table.get(id);
    const record = schemas[kind].parse({
      ...input,
      id,
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
    });
    refuseFarFuture(record, DATED_FIELDS[kind], now);
    await table.put(record);
    await db.changes.add({ clientId: record.clientId });
    return record;
  });
}

/**
 * Writes the fields a form changed over the record as stored now (`saveEdit`).
 * @throws ZodError or EditConflictError; nothing is written then
 */
export async function editClientRecord<K extends RecordKind>(
  db: TierwiseDb,
  kind: K,
  edit: FieldEdit<Kinds[K]>,
  now: Date = new Date(),
): Promise<Kinds[K]> {
  const { schemas } = await validation();
  return saveEdit(db, kind, schemas[kind], edit, {
    clientOf: (record) => record.clientId,
    datedFields: DATED_FIELDS[kind],
    now,
  });
}

/** @returns the deleted record, for an Undo with `restoreClientRecord` */
export async function deleteClientRecord<K extends RecordKind>(
  db: TierwiseDb,
  kind: K,
  id: string,
): Promise<Kinds[K] | undefined> {
  const table = db.table<Kinds[K], string>(kind);
  return db.transaction('rw', table, db.changes, async () => {
    const existing = await table.get(id);
    if (!existing) return undefined;
    await table.delete(id);
    await db.changes.add({ clientId: existing.clientId });
    return existing;
  });
}

export async function restoreClientRecord<K extends RecordKind>(
  db: TierwiseDb,
  kind: K,
  record: Kinds[K],
): Promise<void> {
  const table = db.table<Kinds[K], string>(kind);
  const { schemas } = await validation();
  await db.transaction('rw', table, db.changes, async () => {
    await table.put(schemas[kind].parse(record));
    await db.changes.add({ clientId: record.clientId });
  });
}
