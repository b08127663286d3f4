import { clientSchema, type Client } from '$schema/client';
import type { TierwiseDb } from './database';

/**
 * Writes a clients file whose rows matched stored clients, in ONE transaction: the new
 * clients are added (an id that exists fails it all), the matched ones put over the stored
 * ones as the user chose to update them, and every one is logged for the scorer.
 */
export async function writeClientImport(
  db: TierwiseDb,
  added: readonly Client[],
  updated: readonly Client[],
): Promise<void> {
  const valid = (clients: readonly Client[]) => clients.map((c) => clientSchema.parse(c));
  await db.transaction('rw', db.clients, db.changes, async () => {
    await db.clients.bulkAdd(valid(added));
    await db.clients.bulkPut(valid(updated));
    await db.changes.bulkAdd([...added, ...updated].map((c) => ({ clientId: c.id })));
  });
}
