import { refuseFarFuture } from '$schema/common';
import { transactionSchema, type Transaction } from '$schema/transaction';
import type { TierwiseDb } from './database';
import { saveEdit, type FieldEdit } from './record-edit';

/** An invoice's dates that may not lie more than a year ahead. */
const DATED_FIELDS = ['date', 'dueDate', 'paidDate'] as const;

/**
 * Saves an invoice after validating it, and notes the change for the scoring worker in
 * the same transaction: either both happen or neither. A form's edit of an existing
 * invoice goes through `editTransaction` instead.
 * @throws ZodError naming the field when the invoice is invalid or dated more than a year
 *   ahead (nothing is written)
 */
export async function saveTransaction(
  db: TierwiseDb,
  input: Omit<Transaction, 'createdAt' | 'updatedAt'> & Partial<Pick<Transaction, 'createdAt'>>,
  now: Date = new Date(),
): Promise<Transaction> {
  const stamp = now.toISOString();
  return db.transaction('rw', db.transactions, db.changes, async () => {
    const existing = await db.transactions.get(input.id);
    const record = transactionSchema.parse({
      ...input,
      createdAt: existing?.createdAt ?? input.createdAt ?? stamp,
      updatedAt: stamp,
    });
    refuseFarFuture(record, DATED_FIELDS, now);
    await db.transactions.put(record);
    await db.changes.add({ clientId: record.clientId });
    if (existing && existing.clientId !== record.clientId) {
      await db.changes.add({ clientId: existing.clientId });
    }
    return record;
  });
}

/**
 * Writes the fields a form changed over the invoice as stored now (`saveEdit`).
 * @throws ZodError or EditConflictError; nothing is written then
 */
export function editTransaction(
  db: TierwiseDb,
  edit: FieldEdit<Transaction>,
  now: Date = new Date(),
): Promise<Transaction> {
  return saveEdit(db, 'transactions', transactionSchema, edit, {
    clientOf: (record) => record.clientId,
    datedFields: DATED_FIELDS,
    now,
  });
}

/**
 * Deletes an invoice and notes the change, in one transaction.
 * @returns the deleted invoice, so an Undo can put it back with `restoreTransaction`
 */
export async function deleteTransaction(
  db: TierwiseDb,
  id: Transaction['id'],
): Promise<Transaction | undefined> {
  return db.transaction('rw', db.transactions, db.changes, async () => {
    const existing = await db.transactions.get(id);
    if (!existing) return undefined;
    await db.transactions.delete(id);
    await db.changes.add({ clientId: existing.clientId });
    return existing;
  });
}

/** Puts a deleted invoice back exactly as it was (Undo). */
export async function restoreTransaction(db: TierwiseDb, record: Transaction): Promise<void> {
  await db.transaction('rw', db.transactions, db.changes, async () => {
    await db.transactions.put(transactionSchema.parse(record));
    await db.changes.add({ clientId: record.clientId });
  });
}
