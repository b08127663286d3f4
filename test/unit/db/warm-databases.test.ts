import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { TierwiseDb } from '$db/database';
import { saveClient } from '$db/client-repository';
import { warmDatabases } from '$db/warm-databases';
import { WorkspacePointer } from '$db/workspace-pointer';

const NOW = new Date('2026-01-01T00:00:00Z');
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
}

function metaName(): string {
  return `warm-meta-${Math.random()}`;
}

describe('warmDatabases', () => {
  it('creates nothing on a first visit, when there is no database at all', async () => {
    const meta = metaName();
    const before = await databaseNames();
    await warmDatabases(meta);
    expect(await databaseNames()).toEqual(before);
  });

  it('creates nothing when the pointer names a database that no longer exists', async () => {
    const meta = metaName();
    const pointer = new WorkspacePointer(meta);
    cleanups.push(() => pointer.delete());
    await pointer.pointTo('warm-gone');
    await warmDatabases(meta);
    expect(await databaseNames()).not.toContain('warm-gone');
  });

  it('opens the workspace the pointer names and lets go of it, leaving it as it was', async () => {
    const meta = metaName();
    const pointer = new WorkspacePointer(meta);
    const workspace = new TierwiseDb(`warm-workspace-${Math.random()}`, undefined, () => NOW);
    cleanups.push(() => pointer.delete());
    await workspace.open();
    await saveClient(workspace, { name: 'Ada Lovelace' });
    const version = workspace.verno;
    workspace.close();
    await pointer.pointTo(workspace.name);
    pointer.close();

    await warmDatabases(meta);

    // Warming held no connection open: deleting the database is not blocked.
    const reopened = new TierwiseDb(workspace.name, undefined, () => NOW);
    await reopened.open();
    expect(reopened.verno).toBe(version);
    expect((await reopened.clients.toArray()).map((client) => client.name)).toEqual([
      'Ada Lovelace',
    ]);
    reopened.close();
    let blocked = false;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(workspace.name);
      request.onblocked = () => (blocked = true);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error('not deleted'));
    });
    expect(blocked).toBe(false);
  });
});
