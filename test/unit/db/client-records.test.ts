import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import {
  deleteClientRecord,
  listClientRecords,
  restoreClientRecord,
  saveClientRecord,
} from '$db/client-records';
import { TierwiseDb } from '$db/database';
import { clientIdSchema } from '$schema/common';

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(`records-test-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const ann = clientIdSchema.parse('ann');
const bob = clientIdSchema.parse('bob');

describe('client records', () => {
  it('lists one client’s records of a kind, newest first, each kind by its own date', async () => {
    const db = freshDb();
    for (const [clientId, date] of [
      [ann, '2025-03-01'],
      [bob, '2025-04-01'],
      [ann, '2025-05-01'],
      [ann, '2024-12-31'],
    ] as const) {
      await saveClientRecord(db, 'interactions', { clientId, date, kind: 'call', summary: date });
      await saveClientRecord(db, 'complaints', {
        clientId,
        openedAt: date,
        severity: 'low',
        description: date,
      });
    }
    const dates = ['2025-05-01', '2025-03-01', '2024-12-31'];
    expect((await listClientRecords(db, 'interactions', ann)).map((r) => r.date)).toEqual(dates);
    expect((await listClientRecords(db, 'complaints', ann)).map((r) => r.openedAt)).toEqual(dates);
    expect(await listClientRecords(db, 'feedback', ann)).toEqual([]);
  });

  it('refuses an invalid record without writing, and puts a deleted one back as it was', async () => {
    const db = freshDb();
    await expect(
      saveClientRecord(db, 'feedback', {
        clientId: ann,
        date: '2025-01-01',
        scale: 'csat',
        score: 9,
        comment: '',
      }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await db.feedback.count()).toBe(0);

    const saved = await saveClientRecord(db, 'feedback', {
      clientId: ann,
      date: '2025-01-01',
      scale: 'nps',
      score: 9,
      comment: 'Glad',
    });
    const deleted = await deleteClientRecord(db, 'feedback', saved.id);
    expect(deleted).toEqual(saved);
    expect(await listClientRecords(db, 'feedback', ann)).toEqual([]);
    expect(await deleteClientRecord(db, 'feedback', saved.id)).toBeUndefined();
    await restoreClientRecord(db, 'feedback', deleted!);
    expect(await listClientRecords(db, 'feedback', ann)).toEqual([saved]);
  });
});
