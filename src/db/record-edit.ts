import type { z } from 'zod';
import type { TierwiseDb } from './database';

/**
 * An edit of a stored record, as a form makes it: the fields the user changed, with the
 * values they saw when the form opened (`before`) and the ones they left (`after`).
 * Only these fields are written, over the record as it is stored at that moment — an
 * edit made meanwhile in another tab, or a restored backup, is kept, never reverted with
 * values the user did not see.
 */
export interface FieldEdit<T> {
  id: string;
  before: Partial<T>;
  after: Partial<T>;
}

/**
 * The record changed under the form: `fields` were also changed elsewhere since it opened
 * (to other values than the user's), or the record is gone (`fields` empty).
 */
export class EditConflictError extends Error {
  override name = 'EditConflictError';
  constructor(readonly fields: readonly string[]) {
    super(
      fields.length === 0
        ? 'The record was deleted meanwhile.'
        : `Changed elsewhere meanwhile: ${fields.join(', ')}.`,
    );
  }
}

/** Equal as stored data: `undefined` and a missing field alike, arrays and objects by value. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ between `before` and `after` (what a form changed). */
export function changedFields<T extends object>(
  before: Partial<T>,
  after: Partial<T>,
): (keyof T)[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof T)[]);
  return [...keys].filter((key) => !same(before[key], after[key]));
}

/**
 * The stored record with the edit applied.
 * @throws EditConflictError when the record is gone, or a field the user changed was
 *   changed to something else elsewhere
 */
export function applyEdit<T extends object>(current: T | undefined, edit: FieldEdit<T>): T {
  if (current === undefined) throw new EditConflictError([]);
  const conflicts = (Object.keys(edit.after) as (keyof T & string)[]).filter(
    (field) =>
      !same(current[field], edit.before[field]) && !same(current[field], edit.after[field]),
  );
  if (conflicts.length > 0) throw new EditConflictError(conflicts);
  return { ...current, ...edit.after };
}

/**
 * Applies `edit` to the record of the table `name` as stored now, validates it, refuses the dates
 * it changes in `datedFields` when more than a year ahead, and writes it with a note in
 * the change log for the scoring worker (about `clientOf(record)`), in one transaction.
 * @returns the record as saved
 * @throws ZodError naming the field when the result is invalid; EditConflictError (see
 *   `applyEdit`). Nothing is written either way.
 */
export async function saveEdit<T extends { id: string; updatedAt: string }>(
  db: TierwiseDb,
  name: 'clients' | 'transactions' | 'interactions' | 'feedback' | 'complaints',
  schema: z.ZodType<T, unknown>,
  edit: FieldEdit<T>,
  {
    clientOf,
    datedFields = [],
    now = new Date(),
  }: { clientOf: (record: T) => string; datedFields?: readonly string[]; now?: Date },
): Promise<T> {
  const table = db.table<T, string>(name);
  // Loaded before the transaction, which Dexie would end on an unrelated wait; not at
  // start, which carries no zod (see `startChunk` in vite.config.ts).
  const { refuseFarFuture } = await import('$schema/common');
  return db.transaction('rw', table, db.changes, async () => {
    const merged = applyEdit(await table.get(edit.id), edit);
    const record = schema.parse({ ...merged, updatedAt: now.toISOString() });
    refuseFarFuture(edit.after, datedFields, now);
    await table.put(record);
    await db.changes.add({ clientId: clientOf(record) });
    return record;
  });
}
