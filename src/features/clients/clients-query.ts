import type { TierwiseDb } from '$db/database';

/** How many clients the workspace has (archived ones included): the empty state's test. */
export function countClients(db: TierwiseDb): Promise<number> {
  return db.clients.count();
}
