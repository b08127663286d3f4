import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { saveClient, tagClients } from '$db/client-repository';
import { TierwiseDb } from '$db/database';
import { clientIdSchema } from '$schema/common';

const tagsOf = async (db: TierwiseDb, id: string) =>
  (await db.clients.get(clientIdSchema.parse(id)))?.tags;

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(`tag-clients-test-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const NOW = new Date('2026-06-30T09:00:00Z');

describe('tagClients', () => {
  it('adds the tag to the clients that lack it, with one change each, in one go', async () => {
    const db = freshDb();
    await saveClient(db, { id: 'ann', name: 'Ann', tags: ['VIP lead'] });
    await saveClient(db, { id: 'bob', name: 'Bob', tags: ['lapsing'] });
    await saveClient(db, { id: 'cy', name: 'Cy' });
    const changes = await db.changes.count();
    const outcome = await tagClients(db, ['ann', 'bob', 'gone'], ' Lapsing ', NOW);
    expect(outcome).toEqual({ tagged: 1, already: 1 });
    expect(await tagsOf(db, 'ann')).toEqual(['VIP lead', 'Lapsing']);
    expect((await db.clients.get(clientIdSchema.parse('ann')))?.updatedAt).toBe(NOW.toISOString());
    expect(await tagsOf(db, 'bob')).toEqual(['lapsing']);
    expect(await tagsOf(db, 'cy')).toEqual([]);
    expect(await db.changes.count()).toBe(changes + 1);
  });

  it('writes nothing when one client would pass 50 tags, or the tag is blank', async () => {
    const db = freshDb();
    const full = Array.from({ length: 50 }, (_, i) => `t${i}`);
    await saveClient(db, { id: 'ann', name: 'Ann' });
    await saveClient(db, { id: 'bob', name: 'Bob', tags: full });
    const changes = await db.changes.count();
    await expect(tagClients(db, ['ann', 'bob'], 'new')).rejects.toBeInstanceOf(ZodError);
    await expect(tagClients(db, ['ann'], '  ')).rejects.toBeInstanceOf(ZodError);
    expect(await tagsOf(db, 'ann')).toEqual([]);
    expect(await db.changes.count()).toBe(changes);
  });
});
