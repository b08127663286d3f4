import type { Client, ClientInput } from '$schema/client';
import type { TierwiseDb } from './database';
import { saveEdit, type FieldEdit } from './record-edit';

/**
 * The client schemas, loaded with the first save (a start carries no zod: see `startChunk`
 * in vite.config.ts), and before a transaction: Dexie ends a transaction that waits on
 * anything but the database.
 */
const clientSchemas = () => import('$schema/client');

/**
 * Saves a client profile after validating it, and notes the change for the scoring
 * worker in the same transaction. A new client needs no id: a random one is given. A
 * form's edit of an existing client goes through `editClient` instead.
 * @throws ZodError naming the field when the profile is invalid (nothing is written)
 */
export async function saveClient(
  db: TierwiseDb,
  input: Omit<ClientInput, 'id' | 'createdAt' | 'updatedAt'> & { id?: string },
  now: Date = new Date(),
): Promise<Client> {
  const stamp = now.toISOString();
  const { clientSchema } = await clientSchemas();
  return db.transaction('rw', db.clients, db.changes, async () => {
    const id = input.id ?? crypto.randomUUID();
    const existing = await db.clients.get(id as Client['id']);
    const record = clientSchema.parse({
      ...input,
      id,
      createdAt: existing?.createdAt ?? stamp,
      updatedAt: stamp,
    });
    await db.clients.put(record);
    await db.changes.add({ clientId: record.id });
    return record;
  });
}

/**
 * Writes the fields a form changed (the profile, a pin, archiving: each changes the
 * scores) over the client as stored now (`saveEdit`).
 * @throws ZodError or EditConflictError; nothing is written then
 */
export async function editClient(
  db: TierwiseDb,
  edit: FieldEdit<Client>,
  now: Date = new Date(),
): Promise<Client> {
  const { clientSchema } = await clientSchemas();
  return saveEdit(db, 'clients', clientSchema, edit, { clientOf: (client) => client.id, now });
}

/**
 * Whether the workspace has any client (archived ones included). Reads one key:
 * `count()` walks every row in Chromium, and holds up the worker's reads meanwhile.
 */
export async function hasClients(db: TierwiseDb): Promise<boolean> {
  return (await db.clients.limit(1).primaryKeys()).length > 0;
}

/**
 * Puts a client's follow-up off until the day `until` (YYYY-MM-DD), with the reason,
 * replacing any earlier snooze; noted in the change log like any client edit.
 * @throws ZodError naming `until` or `reason` when they are invalid (nothing is written)
 */
export async function snoozeFollowUp(
  db: TierwiseDb,
  clientId: string,
  snooze: { until: string; reason: string },
  now: Date = new Date(),
): Promise<Client> {
  const { clientSchema } = await clientSchemas();
  const stored = await db.clients.get(clientSchema.shape.id.parse(clientId));
  return editClient(
    db,
    {
      id: clientId,
      before: { followUpSnooze: stored?.followUpSnooze },
      after: { followUpSnooze: { ...snooze, snoozedAt: now.toISOString() } },
    },
    now,
  );
}

/**
 * Adds `tag` to every client of `clientIds` that lacks it (compared case-insensitively,
 * as the Clients list's tag filter does), in one transaction with a change noted per
 * client tagged, so the scores' stamp, the list and its tag filter follow as after any
 * profile edit. Clients no longer stored are passed over.
 * @returns how many clients were tagged now, and how many had the tag already
 * @throws ZodError when the tag is blank or too long, or a client would exceed 50 tags
 *   (nothing is written then)
 */
export async function tagClients(
  db: TierwiseDb,
  clientIds: readonly string[],
  tag: string,
  now: Date = new Date(),
): Promise<{ tagged: number; already: number }> {
  const { clientSchema, tagSchema } = await clientSchemas();
  const clean = tagSchema.parse(tag);
  const lower = clean.toLocaleLowerCase();
  const ids = clientIds.map((id) => clientSchema.shape.id.parse(id));
  const stamp = now.toISOString();
  return db.transaction('rw', db.clients, db.changes, async () => {
    const stored = await db.clients.bulkGet(ids);
    const updated: Client[] = [];
    let already = 0;
    for (const client of stored) {
      if (!client) continue;
      if (client.tags.some((t) => t.toLocaleLowerCase() === lower)) {
        already += 1;
        continue;
      }
      updated.push(
        clientSchema.parse({ ...client, tags: [...client.tags, clean], updatedAt: stamp }),
      );
    }
    await db.clients.bulkPut(updated);
    await db.changes.bulkAdd(updated.map((client) => ({ clientId: client.id })));
    return { tagged: updated.length, already };
  });
}
