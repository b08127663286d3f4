import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { evaluationsKey, listEvaluations } from '$db/evaluation-store';
import { readActiveModel } from '$db/model-repository';
import { saveClient, snoozeFollowUp } from '$db/client-repository';
import { saveTransaction } from '$db/record-repository';
import { updateSettings } from '$db/settings-repository';
import { readSavedToday, todayBasis } from '$db/today-record';
import { dueFollowUps } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { EvaluationService } from '$worker/evaluation-service';
import { HistoryService } from '$worker/history-service';
import { ScoringService } from '$worker/scoring-service';
import { FOLLOW_UPS_LISTED, TodayService } from '$worker/today';
import { AS_OF, openDatabase, seedBase, snapshotOfRows } from './scoring-fixtures';
import { scoringServicesPerTest } from './service-lifecycle';

const { open, services } = scoringServicesPerTest();

/**
 * A scored base of 30 clients and Today's service on it: as of AS_OF, or, with
 * `fixedDay` false, as of whatever day the page says it is.
 */
async function scoredBase(fixedDay = true) {
  const db = openDatabase('today-service', open);
  const { ids } = await seedBase(db, 30);
  if (fixedDay) await updateSettings(db, { evaluationDate: AS_OF });
  const scoring = new ScoringService(db);
  services.push(scoring);
  scoring.start();
  await scoring.settled();
  const history = new HistoryService(db, scoring.directory);
  const stamp = async () => (await scoring.scores(''))?.computedAt ?? '';
  return { db, ids, scoring, stamp, today: new TodayService(db, scoring, history) };
}

describe('TodayService', () => {
  it('lists the follow-ups due by the snapshot and saves them with what they came from', async () => {
    const { db, scoring, stamp, today } = await scoredBase();
    const computedAt = await stamp();
    const data = await today.data(computedAt, AS_OF);

    const model = await readActiveModel(db);
    const cadenceDays = data?.cadenceDays ?? [];
    expect(cadenceDays).toHaveLength(model.definition.tiers.levels.length);
    const expected = dueFollowUps(await snapshotOfRows(db), (await scoring.scores(computedAt))!, {
      asOfDay: toEpochDay(AS_OF),
      cadenceDays,
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(data?.followUpCount).toBe(expected.length);
    expect(data?.followUps).toEqual(expected.slice(0, FOLLOW_UPS_LISTED));
    expect(Object.keys(data?.names ?? {})).toEqual(
      expect.arrayContaining(expected.map((item) => item.id)),
    );

    const saved = await readSavedToday(db);
    expect(saved?.data).toEqual(data);
    expect(saved?.basis).toBe(
      todayBasis({
        computedAt,
        asOf: AS_OF,
        cadenceDays,
        evaluations: evaluationsKey(await listEvaluations(db)),
      }),
    );
  });

  it("gives a client's next follow-up as Today counts it, and none for an archived client", async () => {
    const { db, ids, scoring, stamp, today } = await scoredBase();
    const computedAt = await stamp();
    const data = await today.data(computedAt, AS_OF);
    const listed = data?.followUps[0];
    const due = await today.followUpOf(listed?.id ?? '', computedAt, AS_OF);
    expect(due).toMatchObject({
      isDue: true,
      dueDay: listed?.dueDay,
      base: listed?.base,
      overdueDays: listed?.overdueDays,
      missedCycles: listed?.missedCycles,
      asOf: AS_OF,
    });

    const notDue = ids.find((id) => !data?.followUps.some((item) => item.id === id));
    const later = await today.followUpOf(notDue ?? '', computedAt, AS_OF);
    expect(later?.isDue).toBe(false);
    expect(later?.dueDay).toBeGreaterThan(toEpochDay(AS_OF));
    expect(later?.overdueDays).toBe(0);

    const client = await db.clients.get(ids[0]!);
    await saveClient(db, { ...client!, archived: true });
    await scoring.settled();
    expect(await today.followUpOf(ids[0]!, await stamp(), AS_OF)).toBeNull();
  });

  it('says which follow-ups are back from a snooze, with its reason', async () => {
    const { db, scoring, stamp, today } = await scoredBase();
    const first = (await today.data(await stamp(), AS_OF))?.followUps[0];
    expect(first).toBeDefined();
    expect((await today.data(await stamp(), AS_OF))?.snoozes).toEqual({});
    // Snoozed until the as-of day: it is due again, back from the snooze.
    await snoozeFollowUp(db, first?.id ?? '', { until: AS_OF, reason: 'Away until then' });
    await scoring.settled();
    const data = await today.data(await stamp(), AS_OF);
    expect(data?.followUps.find((item) => item.id === first?.id)?.snoozeEndedDay).toBe(
      toEpochDay(AS_OF),
    );
    expect(data?.snoozes).toEqual({
      [first?.id ?? '']: { until: AS_OF, reason: 'Away until then' },
    });
  });

  it('answers again from the same inputs without reading the snapshot', async () => {
    const { scoring, stamp, today } = await scoredBase();
    const first = await today.data(await stamp(), AS_OF);
    const reads = vi.spyOn(scoring, 'currentSnapshot');
    expect(await today.data(await stamp(), AS_OF)).toBe(first);
    expect(reads).not.toHaveBeenCalled();
  });

  it('computes again on another day', async () => {
    const { stamp, today } = await scoredBase(false);
    const computedAt = await stamp();
    const first = await today.data(computedAt, '2027-01-05');
    const next = await today.data(computedAt, '2027-01-06');
    expect([first?.asOf, next?.asOf]).toEqual(['2027-01-05', '2027-01-06']);
    expect(next?.followUps[0]?.overdueDays).toBe((first?.followUps[0]?.overdueDays ?? NaN) + 1);
  });

  it('computes again when the scores, the cadence or the evaluations change', async () => {
    const { db, ids, scoring, stamp, today } = await scoredBase();
    const first = await today.data(await stamp(), AS_OF);
    const reads = vi.spyOn(scoring, 'currentSnapshot');
    const basis = async () => (await readSavedToday(db))?.basis;
    const seen = new Set([await basis()]);

    const model = await readActiveModel(db);
    const top = model.definition.tiers.levels[0]!;
    await updateSettings(db, {
      playbooks: [{ tierId: top.id, cadenceDays: 7, strategy: '', actions: [] }],
    });
    const faster = await today.data(await stamp(), AS_OF);
    expect(faster?.cadenceDays[0]).toBe(7);
    expect(faster?.followUpCount).toBeGreaterThanOrEqual(first?.followUpCount ?? Infinity);
    seen.add(await basis());

    await saveTransaction(db, {
      id: 'a-new-invoice',
      clientId: ids[0]!,
      date: AS_OF,
      amount: 120,
      reference: '',
      description: '',
    });
    await scoring.settled();
    const rescored = await today.data(await stamp(), AS_OF);
    expect(rescored?.computedAt).not.toBe(faster?.computedAt);
    seen.add(await basis());

    await new EvaluationService(db, scoring).evaluateNow(new Date(`${AS_OF}T09:00:00`));
    const before = reads.mock.calls.length;
    await today.data(await stamp(), AS_OF);
    expect(reads.mock.calls.length).toBe(before + 1);
    seen.add(await basis());

    expect(seen.size).toBe(4);
  });
});
