import type { TierwiseDb } from '$db/database';
import type { Client } from '$schema/client';
import type { ClientId } from '$schema/common';

/**
 * Some clients by id, in the order asked (absent or archived ones left out): the list
 * reads only the rows it shows, never the whole client table.
 */
export async function clientsById(db: TierwiseDb, ids: readonly string[]): Promise<Client[]> {
  // Ids from the scores record: each was a stored client's id when it was scored.
  const clients = await db.clients.bulkGet(ids as ClientId[]);
  return clients.filter((client): client is Client => client !== undefined && !client.archived);
}

/** How many clients the workspace has (archived ones included): the empty state's test. */
export function countClients(db: TierwiseDb): Promise<number> {
  return db.clients.count();
}
