import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TierwiseDb } from '$db/database';
import { saveClient } from '$db/client-repository';
import { ALL_CLIENTS } from '$db/derived-records';
import { readChanges, saveSnapshot, snapshotSeq } from '$db/snapshot-store';
import type { ClientId } from '$schema/common';
import { ClientDirectory } from '$worker/client-directory';
import { deleteDatabases, openDatabase, seedBase } from './scoring-fixtures';

const open: TierwiseDb[] = [];
afterEach(() => deleteDatabases(open));

/** A seeded base, its directory loaded, and a way to rename a client as the file does. */
async function loadedDirectory() {
  const db = openDatabase('directory', open);
  const { ids, snapshot } = await seedBase(db);
  const directory = new ClientDirectory(db);
  await directory.entries();
  const rename = async (id: string, name: string) => {
    const client = await db.clients.get(id as ClientId); // an id of the seeded base
    await saveClient(db, { ...client!, name });
  };
  const follow = async () => directory.follow(await readChanges(db), await snapshotSeq(db));
  return { db, ids, snapshot, directory, rename, follow };
}

describe('the client directory of a worker that does not score', () => {
  it('follows the change log: a renamed client is found by its new name', async () => {
    const { ids, directory, rename, follow } = await loadedDirectory();
    await rename(ids[2]!, 'Zhang Wei Studio');
    expect((await directory.names([ids[2]!]))[ids[2]!]).not.toBe('Zhang Wei Studio');
    await follow();
    expect((await directory.names([ids[2]!]))[ids[2]!]).toBe('Zhang Wei Studio');
    expect((await directory.entries()).get(ids[2]!)?.searchText).toContain('zhang wei');
  });

  it('loads everything again when a change names every client', async () => {
    const { db, ids, directory, rename, follow } = await loadedDirectory();
    await rename(ids[3]!, 'Renamed');
    await db.changes.add({ clientId: ALL_CLIENTS });
    await follow();
    expect((await directory.entries()).get(ids[3]!)?.name).toBe('Renamed');
  });

  it('loads everything again when changes it never saw left the log with a stored snapshot', async () => {
    const { db, ids, snapshot, directory, rename, follow } = await loadedDirectory();
    await rename(ids[4]!, 'Renamed meanwhile');
    // Another tab stored its snapshot: the log drops the changes it includes.
    const seq = Math.max(...(await readChanges(db)).map((c) => c.seq ?? 0));
    await saveSnapshot(db, snapshot, seq, new Date());
    expect(await readChanges(db)).toEqual([]);
    await follow();
    expect((await directory.entries()).get(ids[4]!)?.name).toBe('Renamed meanwhile');
  });
});
