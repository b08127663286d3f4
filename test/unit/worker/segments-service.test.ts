import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import { computeClv, DEFAULT_SEGMENT_FEATURES, scoreClients, type Snapshot } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { toScoresRecord } from '$worker/scores-record';
import { SegmentsService } from '$worker/segments-service';
import { AS_OF, deleteDatabases, openDatabase, seedBase } from './scoring-fixtures';

const open: TierwiseDb[] = [];
afterEach(() => deleteDatabases(open));

/** A generated base written to a database, scored as the scoring worker scores it. */
async function scoredBase() {
  const db = openDatabase('segments', open);
  const { snapshot } = await seedBase(db, 60);
  const asOfDay = toEpochDay(AS_OF);
  const model = await readActiveModel(db);
  const clv = computeClv(snapshot.transactions, { asOfDay, purchases: 'positive' });
  const result = scoreClients(snapshot, model.definition, {
    asOfDay,
    pActive: clv.scores.pActive,
    clv12m: clv.scores.clv12m,
  });
  const scores = toScoresRecord(result, clv, model, {
    asOf: AS_OF,
    seq: 1,
    durationMs: 1,
    now: new Date(),
  });
  const source = {
    scores: () => Promise.resolve(scores),
    currentSnapshot: () => Promise.resolve<Snapshot | null>(snapshot),
  };
  return { db, snapshot, scores, service: new SegmentsService(db, source) };
}

const request = { features: [...DEFAULT_SEGMENT_FEATURES], k: null };

describe('SegmentsService', () => {
  it('clusters every scored client who has bought, and tabulates clusters by tier', async () => {
    const { service, scores } = await scoredBase();
    const steps: number[] = [];
    const data = (await service.run(request, scores.computedAt, (done) => steps.push(done)))!;
    const result = data.result!;
    const scored = scores.scored.reduce((sum, s) => sum + s, 0);
    expect(result.clustered + data.withoutPurchases).toBe(scored);
    expect(result.profiles.reduce((sum, p) => sum + p.size, 0)).toBe(result.clustered);
    expect(result.crossTab.map((row) => row.reduce((s, n) => s + n, 0))).toEqual(
      result.profiles.map((p) => p.size),
    );
    expect(result.scatter.x).toHaveLength(result.clustered); // under the sample size: all
    expect(steps.at(-1)).toBe(result.curve.length + 1);
  });

  it('keeps the cluster numbers when run again', async () => {
    const { service, scores } = await scoredBase();
    const first = (await service.run(request, scores.computedAt))!.result!;
    const second = (await service.run(request, scores.computedAt))!.result!;
    expect(second.scatter.cluster).toEqual(first.scatter.cluster);
    expect(second.profiles.map((p) => p.size)).toEqual(first.profiles.map((p) => p.size));
  });

  it('saves a cluster as a tag on exactly its clients, in one go', async () => {
    const { db, service, scores } = await scoredBase();
    const data = (await service.run({ ...request, k: 3 }, scores.computedAt))!;
    const size = data.result!.profiles[1]!.size;
    const changesBefore = await db.changes.count();
    expect(await service.saveTag(data.runId, 1, ' Segment B ')).toEqual({
      tagged: size,
      already: 0,
    });
    const tagged = await db.clients.filter((c) => c.tags.includes('Segment B')).count();
    expect(tagged).toBe(size);
    expect(await db.changes.count()).toBe(changesBefore + size);
    // Again, in other letters: nobody is tagged twice.
    expect(await service.saveTag(data.runId, 1, 'segment b')).toEqual({ tagged: 0, already: size });
  });

  it('refuses a blank tag, a stale run and an invalid request, writing nothing', async () => {
    const { db, service, scores } = await scoredBase();
    const data = (await service.run(request, scores.computedAt))!;
    await expect(service.saveTag(data.runId, 0, '   ')).rejects.toThrow();
    await service.run(request, scores.computedAt);
    expect(await service.saveTag(data.runId, 0, 'late')).toBeNull();
    await expect(service.run({ features: [], k: null }, scores.computedAt)).rejects.toThrow();
    await expect(service.run({ ...request, k: 9 }, scores.computedAt)).rejects.toThrow();
    expect(
      await db.clients.filter((c) => c.tags.length > 0 && c.tags.includes('late')).count(),
    ).toBe(0);
  });
});
