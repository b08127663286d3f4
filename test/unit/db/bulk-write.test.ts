import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  inKeyOrder,
  progressCounter,
  writeInKeyOrder,
  writeStagedInKeyOrder,
} from '$db/bulk-write';
import { TierwiseDb } from '$db/database';
import type { ClientId } from '$schema/common';

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(`bulk-write-test-${open.length}-${Math.random()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const client = (id: string) => ({
  id,
  name: `Client ${id}`,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('inKeyOrder', () => {
  it('sorts by id as IndexedDB orders string keys, leaving the input as it was', () => {
    const ids = ['b', 'é', 'B', 'a10', 'a9', 'Z'];
    const rows = ids.map((id) => ({ id }));
    // IndexedDB's own order for these keys: by UTF-16 code unit.
    const expected = [...ids].sort((x, y) => indexedDB.cmp(x, y));
    expect(expected).toEqual(['B', 'Z', 'a10', 'a9', 'b', 'é']);
    expect(inKeyOrder(rows).map((r) => (r as { id: string }).id)).toEqual(expected);
    expect(rows.map((r) => r.id)).toEqual(ids);
  });
});

describe.each([
  ['writeInKeyOrder', writeInKeyOrder],
  ['writeStagedInKeyOrder', writeStagedInKeyOrder],
])('%s', (_, write) => {
  it('writes every row in pages and reports the running total', async () => {
    const db = freshDb();
    const ids = Array.from({ length: 25 }, (_, i) => `c-${String((i * 7) % 25).padStart(2, '0')}`);
    const totals: number[] = [];
    await write(
      db,
      'clients',
      ids.map(client),
      'put',
      10,
      progressCounter((n) => totals.push(n)),
    );
    expect(totals).toEqual([10, 20, 25]);
    expect((await db.clients.toArray()).map((c) => c.id)).toEqual([...ids].sort());
    expect(await db.clients.get('c-07' as ClientId)).toEqual(client('c-07'));
  });
});

describe('writeInKeyOrder', () => {
  it('adding an id that exists fails, inside the caller’s transaction nothing stays', async () => {
    const db = freshDb();
    await writeInKeyOrder(db, 'clients', [client('c-05')], 'put', 10);
    const rows = ['c-01', 'c-09', 'c-05', 'c-03'].map(client);
    await expect(
      db.transaction('rw', db.clients, () => writeInKeyOrder(db, 'clients', rows, 'add', 2)),
    ).rejects.toThrow();
    expect((await db.clients.toArray()).map((c) => c.id)).toEqual(['c-05']);
  });
});

describe('writeStagedInKeyOrder', () => {
  it('adding an id that exists fails its page, and the pages before it stay', async () => {
    const db = freshDb();
    await writeStagedInKeyOrder(db, 'clients', [client('c-05')], 'put', 10);
    const rows = ['c-01', 'c-09', 'c-05', 'c-03'].map(client);
    await expect(writeStagedInKeyOrder(db, 'clients', rows, 'add', 2)).rejects.toThrow();
    // Pages in key order: c-01 and c-03 went in first; c-05 and c-09 failed together.
    expect((await db.clients.toArray()).map((c) => c.id)).toEqual(['c-01', 'c-03', 'c-05']);
  });
});
