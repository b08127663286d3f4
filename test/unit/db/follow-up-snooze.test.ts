import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { saveClient, snoozeFollowUp } from '$db/client-repository';
import { TierwiseDb } from '$db/database';
import { readAllRecords } from '$db/snapshot-store';
import { buildSnapshot, dueFollowUps } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { clientIdSchema } from '$schema/common';

const ann = clientIdSchema.parse('ann');

const open: TierwiseDb[] = [];
function freshDb(): TierwiseDb {
  const db = new TierwiseDb(`snooze-test-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const NOW = new Date('2026-06-30T09:00:00Z');

/** The follow-ups due on `day` for the stored clients, every one in the top tier (30 days). */
async function dueOn(db: TierwiseDb, day: string): Promise<string[]> {
  const snapshot = buildSnapshot(await readAllRecords(db));
  const ids = snapshot.clients.ids;
  const scores = {
    clientIds: ids,
    scored: ids.map(() => 1),
    tier: ids.map(() => 0),
    pActive: ids.map(() => 1),
    clv12m: ids.map(() => NaN),
    windowRevenue: ids.map(() => 0),
  };
  const due = dueFollowUps(snapshot, scores, { asOfDay: toEpochDay(day), cadenceDays: [30] });
  return due.map((f) => f.id);
}

describe('a snoozed follow-up', () => {
  it('is stored on the client with its day and reason, noted for the scorer, and survives reopening', async () => {
    const db = freshDb();
    await saveClient(db, { id: 'ann', name: 'Ann' }, NOW);
    await saveClient(db, { id: 'bob', name: 'Bob' }, NOW);
    const changesBefore = await db.changes.count();
    await snoozeFollowUp(db, 'ann', { until: '2026-07-07', reason: 'On holiday' }, NOW);
    expect(await db.changes.count()).toBe(changesBefore + 1);

    db.close();
    const reopened = new TierwiseDb(db.name);
    open.push(reopened);
    expect((await reopened.clients.get(ann))?.followUpSnooze).toEqual({
      until: '2026-07-07',
      reason: 'On holiday',
      snoozedAt: NOW.toISOString(),
    });
    // Gone on the day it was snoozed and the day before it ends; back on the day it ends.
    expect(await dueOn(reopened, '2026-06-30')).toEqual(['bob']);
    expect(await dueOn(reopened, '2026-07-06')).toEqual(['bob']);
    expect((await dueOn(reopened, '2026-07-07')).sort()).toEqual(['ann', 'bob']);
  });

  it('a new snooze replaces the earlier one', async () => {
    const db = freshDb();
    await saveClient(db, { id: 'ann', name: 'Ann' }, NOW);
    await snoozeFollowUp(db, 'ann', { until: '2026-07-07', reason: 'On holiday' }, NOW);
    await snoozeFollowUp(db, 'ann', { until: '2026-07-01', reason: 'Back early' }, NOW);
    const stored = await db.clients.get(ann);
    expect(stored?.followUpSnooze).toMatchObject({ until: '2026-07-01', reason: 'Back early' });
  });

  it('is refused without a reason or a real day, and nothing is written', async () => {
    const db = freshDb();
    await saveClient(db, { id: 'ann', name: 'Ann' }, NOW);
    const before = await db.clients.get(ann);
    await expect(snoozeFollowUp(db, 'ann', { until: '2026-07-07', reason: ' ' })).rejects.toThrow(
      ZodError,
    );
    await expect(snoozeFollowUp(db, 'ann', { until: '2026-02-30', reason: 'x' })).rejects.toThrow(
      ZodError,
    );
    expect(await db.clients.get(ann)).toEqual(before);
  });
});
