import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { countTiers, ENGINE_VERSION } from '$engine/index';
import { TierwiseDb } from '$db/database';
import { listEvaluations } from '$db/evaluation-store';
import { readEvaluation } from '$worker/evaluation-codec';
import { readActiveModel, saveActiveModel } from '$db/model-repository';
import { updateSettings } from '$db/settings-repository';
import { readScores } from '$db/snapshot-store';
import { saveClientRecord } from '$db/client-records';
import { clientIdSchema } from '$schema/common';
import type { CurrentScores } from '$worker/evaluation-service';
import { EvaluationService } from '$worker/evaluation-service';
import { ScoringService } from '$worker/scoring-service';
import { AS_OF, openDatabase, seedBase } from './scoring-fixtures';
import { scoringServicesPerTest } from './service-lifecycle';

const { open, services } = scoringServicesPerTest();

/** A scored base and an evaluator on it; `tab()` opens another tab's evaluator. */
async function scoredBase() {
  const db = openDatabase('evaluation-service', open);
  await seedBase(db, 30);
  await updateSettings(db, { evaluationDate: AS_OF });
  const scoring = new ScoringService(db);
  services.push(scoring);
  scoring.start();
  await scoring.settled();
  const tab = () => {
    const other = new TierwiseDb(db.name);
    return new EvaluationService(other, storedScores(other));
  };
  return { db, scoring, evaluator: new EvaluationService(db, scoring), tab };
}

const day = (iso: string) => new Date(`${iso}T09:00:00`);

/** Another tab's scorer, settled: the scores as stored. */
function storedScores(db: TierwiseDb): CurrentScores {
  return {
    settled: () => Promise.resolve(),
    scores: async () => (await readScores(db)) ?? null,
  };
}

describe('EvaluationService', () => {
  it('takes the first evaluation when the app opens, as of the scores’ day', async () => {
    const { db, evaluator } = await scoredBase();
    const outcome = await evaluator.evaluateIfDue(day('2026-07-01'));
    expect(outcome.taken).toBe(true);
    const [meta] = await listEvaluations(db);
    const scores = await readScores(db);
    expect(meta).toMatchObject({
      asOf: AS_OF,
      trigger: 'scheduled',
      engineVersion: ENGINE_VERSION,
    });
    const scored = scores!.scored.reduce((sum, s) => sum + s, 0);
    expect(meta?.clients).toBe(scored);
    // Without hysteresis the evaluated tiers are the scores' tiers.
    const tiers = scores!.tier.filter((_, c) => scores!.scored[c]);
    expect(meta?.tierCounts).toEqual(countTiers(tiers, meta!.tiers.length));
    const evaluation = await readEvaluation(db, meta!.id);
    const best = scores!.rank.indexOf(1);
    expect(evaluation?.columns.clientIds[0]).toBe(scores!.clientIds[best]);
  });

  it('takes none until the period has passed, then one', async () => {
    const { db, evaluator } = await scoredBase();
    await evaluator.evaluateIfDue(day('2026-07-01'));
    expect(await evaluator.evaluateIfDue(day('2026-07-31'))).toEqual({
      taken: false,
      reason: 'notDue',
    });
    expect((await evaluator.evaluateIfDue(day('2026-08-01'))).taken).toBe(true);
    expect(await listEvaluations(db)).toHaveLength(2);
  });

  it('takes exactly one when two tabs open together', async () => {
    const { db, evaluator, tab } = await scoredBase();
    await evaluator.evaluateIfDue(day('2026-07-01'));
    const outcomes = await Promise.all([
      evaluator.evaluateIfDue(day('2026-08-02')),
      tab().evaluateIfDue(day('2026-08-02')),
      tab().evaluateIfDue(day('2026-08-02')),
    ]);
    expect(outcomes.filter((o) => o.taken)).toHaveLength(1);
    expect(await listEvaluations(db)).toHaveLength(2);
  });

  it('catches up after months closed with one evaluation, for now', async () => {
    const { db, evaluator } = await scoredBase();
    await evaluator.evaluateIfDue(day('2026-07-01'));
    expect((await evaluator.evaluateIfDue(day('2027-02-15'))).taken).toBe(true);
    expect((await evaluator.evaluateIfDue(day('2027-02-15'))).taken).toBe(false);
    const taken = (await listEvaluations(db)).map((e) => e.takenAt.slice(0, 10));
    expect(taken).toHaveLength(2);
    expect(taken[1]).toBe(day('2027-02-15').toISOString().slice(0, 10));
  });

  it('follows the chosen period, and takes none when it is off', async () => {
    const { db, evaluator } = await scoredBase();
    await updateSettings(db, { evaluationPeriod: 'off' });
    expect(await evaluator.evaluateIfDue(day('2026-07-01'))).toEqual({
      taken: false,
      reason: 'notDue',
    });
    await updateSettings(db, { evaluationPeriod: 'weekly' });
    await evaluator.evaluateIfDue(day('2026-07-01'));
    expect((await evaluator.evaluateIfDue(day('2026-07-07'))).taken).toBe(false);
    expect((await evaluator.evaluateIfDue(day('2026-07-08'))).taken).toBe(true);
  });

  it('evaluates on demand whatever the period, and says when there is nothing to evaluate', async () => {
    const { db, evaluator } = await scoredBase();
    await evaluator.evaluateNow(day('2026-07-01'), 'Before the campaign');
    expect((await evaluator.evaluateNow(new Date('2026-07-01T10:00:00'))).taken).toBe(true);
    expect((await listEvaluations(db)).map((e) => [e.trigger, e.label])).toEqual([
      ['manual', 'Before the campaign'],
      ['manual', ''],
    ]);
    const empty = openDatabase('evaluation-empty', open);
    const none = new EvaluationService(empty, storedScores(empty));
    expect(await none.evaluateNow(day('2026-07-01'))).toEqual({ taken: false, reason: 'noScores' });
  });

  it('holds a client on a boundary at its evaluated tier with a hysteresis margin', async () => {
    const { db, scoring, evaluator } = await scoredBase();
    await evaluator.evaluateNow(day('2026-07-01'));
    const first = await readEvaluation(db, (await listEvaluations(db))[0]!.id);
    // Raise every threshold by 3 points: clients within 3 points above a floor drop a
    // tier in the scores, but a 5-point margin keeps them where they were evaluated.
    const model = await readActiveModel(db);
    const levels = model.definition.tiers.levels.map((level) => ({
      ...level,
      minScore: level.minScore === 0 ? 0 : level.minScore + 3,
    }));
    const definition = { ...model.definition, tiers: { ...model.definition.tiers, levels } };
    await saveActiveModel(db, {
      ...definition,
      tiers: { ...definition.tiers, hysteresisPoints: 5 },
    });
    await scoring.settled();
    const scores = await readScores(db);
    const dropped = first!.columns.clientIds.filter((id, i) => {
      const c = scores!.clientIds.indexOf(id);
      return scores!.tier[c]! > first!.columns.tier[i]!;
    });
    expect(dropped.length).toBeGreaterThan(0);
    await evaluator.evaluateNow(day('2026-07-02'));
    const second = await readEvaluation(db, (await listEvaluations(db))[1]!.id);
    expect(Array.from(second!.columns.tier)).toEqual(
      second!.columns.clientIds.map(
        (id) => first!.columns.tier[first!.columns.clientIds.indexOf(id)],
      ),
    );
  });

  it('keeps a client with an open serious complaint from rising above its evaluated tier', async () => {
    const { db, scoring, evaluator } = await scoredBase();
    await evaluator.evaluateNow(day('2026-07-01'));
    const first = await readEvaluation(db, (await listEvaluations(db))[0]!.id);
    const tierAt = (id: string) => first!.columns.tier[first!.columns.clientIds.indexOf(id)]!;
    // Lower every floor by 15 points: many clients' scores now earn a better tier.
    const model = await readActiveModel(db);
    const levels = model.definition.tiers.levels.map((level) => ({
      ...level,
      minScore: Math.max(0, level.minScore - 15),
    }));
    await saveActiveModel(db, {
      ...model.definition,
      tiers: { ...model.definition.tiers, levels },
    });
    await scoring.settled();
    const risers = async (): Promise<string[]> => {
      const scores = (await readScores(db))!;
      return first!.columns.clientIds.filter((id) => {
        const c = scores.clientIds.indexOf(id);
        return !scores.pinned[c] && scores.tier[c]! < tierAt(id);
      });
    };
    const rising = await risers();
    expect(rising.length).toBeGreaterThan(3);
    const complained = rising.slice(0, 3);
    for (const id of complained) {
      await saveClientRecord(
        db,
        'complaints',
        { clientId: clientIdSchema.parse(id), openedAt: AS_OF, severity: 'high', description: '' },
        day(AS_OF),
      );
    }
    await scoring.settled();
    const stillRising = await risers();
    const held = complained.filter((id) => stillRising.includes(id));
    expect(held.length).toBeGreaterThan(0);

    await evaluator.evaluateNow(day('2026-07-02'));
    const second = await readEvaluation(db, (await listEvaluations(db))[1]!.id);
    const tierNow = (id: string) => second!.columns.tier[second!.columns.clientIds.indexOf(id)];
    for (const id of held) expect(tierNow(id), id).toBe(tierAt(id));
    const others = stillRising.filter((id) => !complained.includes(id));
    expect(others.length).toBeGreaterThan(0);
    for (const id of others) expect(tierNow(id)!, id).toBeLessThan(tierAt(id));
  });
});
