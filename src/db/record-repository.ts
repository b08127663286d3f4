import { transactionSchema, type Transaction } from '$schema/transaction';
import type { TierwiseDb } from './database';

/**
 * Saves an invoice after validating it, and notes the change for the scoring worker in
 * the same transaction: either both happen or neither.
 * @throws ZodError naming the field when the invoice is invalid (nothing is written)
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
    await db.transactions.put(record);
    await db.changes.add({ clientId: record.clientId });
    if (existing && existing.clientId !== record.clientId) {
      await db.changes.add({ clientId: existing.clientId });
    }
    return record;
  });
}
