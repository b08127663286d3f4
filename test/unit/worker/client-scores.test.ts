import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import { buildSnapshot, computeClv, scoreClients } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { clientScores } from '$worker/client-scores';
import { toScoresRecord } from '$worker/scores-record';
import { AS_OF, records } from '../engine/fixtures';

let db: TierwiseDb;
beforeEach(() => {
  db = new TierwiseDb(`client-scores-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

/** A scores record of three clients, one archived, as the scoring worker saves it. */
async function scoresRecord() {
  const asOfDay = toEpochDay(AS_OF);
  const snapshot = buildSnapshot(
    records({
      clients: [{ id: 'a', budget: 5 }, { id: 'b' }, { id: 'c', archived: true }],
      transactions: [
        { clientId: 'a', date: '2026-05-01', amount: 500 },
        { clientId: 'b', date: '2026-04-01', amount: 100 },
        { clientId: 'c', date: '2026-04-01', amount: 900 },
      ],
    }),
  );
  const model = await readActiveModel(db);
  const clv = computeClv(snapshot.transactions, { asOfDay, purchases: 'positive' });
  const result = scoreClients(snapshot, model.definition, {
    asOfDay,
    pActive: clv.scores.pActive,
    clv12m: clv.scores.clv12m,
  });
  return toScoresRecord(result, clv, model, {
    asOf: AS_OF,
    seq: 1,
    durationMs: 1,
    now: new Date(),
  });
}

describe('one client’s scores for its file', () => {
  it('gives the client’s row, rank among the ranked, reasons summing to the score', async () => {
    const record = await scoresRecord();
    const scoring = { scores: () => Promise.resolve(record) };
    const a = (await clientScores(db, scoring, 'a', record.computedAt))!;
    expect(a.rank).toBe(1);
    expect(a.count).toBe(2); // the archived client is not ranked
    const total = a.reasons.reduce((sum, r) => sum + (Number.isNaN(r.points) ? 0 : r.points), 0);
    expect(total).toBeCloseTo(a.composite, 3);
    // Largest first, measures without data last.
    const points = a.reasons.map((r) => r.points);
    const known = points.filter((p) => !Number.isNaN(p));
    expect(known).toEqual([...known].sort((x, y) => y - x));
    expect(points.slice(known.length).every((p) => Number.isNaN(p))).toBe(true);
    expect(a.tierUp === null || a.tierUp.tier < a.computedTier).toBe(true);
  });

  it('has nothing for an archived or unknown client, or before any scores', async () => {
    const record = await scoresRecord();
    const scoring = { scores: () => Promise.resolve(record) };
    expect(await clientScores(db, scoring, 'c', record.computedAt)).toBeNull();
    expect(await clientScores(db, scoring, 'nobody', record.computedAt)).toBeNull();
    const none = { scores: () => Promise.resolve(null) };
    expect(await clientScores(db, none, 'a', 'x')).toBeNull();
  });
});
