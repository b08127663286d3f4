import type { TierwiseDb } from '$db/database';
import type { Client } from '$schema/client';

/** Clients that are not archived, by name (the ranked list replaces this order once scored). */
export async function listClientsByName(db: TierwiseDb): Promise<Client[]> {
  const clients = await db.clients.orderBy('name').toArray();
  return clients.filter((client) => !client.archived);
}
