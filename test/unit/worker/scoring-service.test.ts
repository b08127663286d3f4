import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { saveTransaction } from '$db/record-repository';
import { updateSettings } from '$db/settings-repository';
import { readScores, readScoresStamp } from '$db/snapshot-store';
import { countRecords } from '$db/workspace';
import { ScoringStoppedError } from '$worker/run-scheduler';
import { ScoringService, type ScoringStatus } from '$worker/scoring-service';
import { AS_OF, lastChangeSeq, openDatabase, seedBase, snapshotOfRows } from './scoring-fixtures';
import { scoringServicesPerTest } from './service-lifecycle';

const { open, services } = scoringServicesPerTest();

/** A started service on a seeded base, with every status it reported. */
async function startedService() {
  const db = openDatabase('scoring-service', open);
  const { ids, seq } = await seedBase(db);
  await updateSettings(db, { evaluationDate: AS_OF });
  const service = new ScoringService(db);
  services.push(service);
  const statuses: ScoringStatus[] = [];
  service.watch((status) => statuses.push(status));
  service.start();
  return { db, ids, seq, service, statuses };
}

describe('the scoring service', () => {
  it('settles once the stored scores include the last change', async () => {
    const { db, ids, seq: seeded, service, statuses } = await startedService();
    await service.settled();
    expect((await readScores(db))?.seq).toBe(seeded);

    await saveTransaction(db, {
      id: 'late-invoice',
      clientId: ids[3]!,
      date: AS_OF,
      amount: 99,
      reference: '',
      description: '',
    });
    const seq = await lastChangeSeq(db);
    expect(seq).toBe(seeded + 1);
    await service.settled();

    const scores = await readScores(db);
    expect(scores?.seq).toBe(seq);
    expect((await readScoresStamp(db))?.counts).toEqual(await countRecords(db));
    expect(await service.currentSnapshot()).toEqual(await snapshotOfRows(db));
    expect(await service.scores(scores?.computedAt ?? '')).toMatchObject({ seq });
    expect(statuses.at(-1)).toMatchObject({ phase: 'idle', progress: null, error: null });
    expect(statuses.at(-1)?.clients).toBe(ids.length);
  });

  it('refuses scores another engine version made, so no view mixes formulas', async () => {
    const { db, service } = await startedService();
    await service.settled();
    const scores = await readScores(db);
    // Stored before an update: a worker of the new version starts on them.
    await db.scores.put({ ...scores!, engineVersion: scores!.engineVersion - 1 });
    const updated = new ScoringService(db);
    services.push(updated);
    expect(await updated.scores(scores!.computedAt)).toBeNull();
  });

  it('answers from the scores it made, never from older stored ones', async () => {
    const { db, service, seq } = await startedService();
    await service.settled();
    const made = await readScores(db);
    // Another tab stored older scores meanwhile (or this worker's are not saved yet).
    await db.scores.put({ ...made!, seq: seq - 1, computedAt: '2020-01-01T00:00:00.000Z' });
    expect(await service.scores('2020-01-01T00:00:00.000Z')).toMatchObject({ seq });
    // Newer ones another tab stored are read.
    await db.scores.put({ ...made!, computedAt: '2099-01-01T00:00:00.000Z' });
    expect((await service.scores('2099-01-01T00:00:00.000Z'))?.computedAt).toBe(
      '2099-01-01T00:00:00.000Z',
    );
  });

  it('tells the page of new scores before they are stored, and the page gets them from memory', async () => {
    const { db, service, statuses } = await startedService();
    await service.settled();
    const stamps = statuses.map((s) => s.stamp?.computedAt).filter(Boolean);
    const stored = await readScoresStamp(db);
    expect(stamps.at(-1)).toBe(stored?.computedAt);
    expect(statuses.at(-1)?.stamp).toEqual(stored);
    // The stamp came while saving was still ahead.
    const pushed = statuses.findIndex((s) => s.stamp?.computedAt === stored?.computedAt);
    expect(statuses.slice(0, pushed + 1).map((s) => s.phase)).toContain('saving');
    expect(await service.scores(stored!.computedAt)).toMatchObject({ seq: stored!.seq });
  });

  it('starts on current scores without loading the snapshot, and loads it ahead of edits', async () => {
    const { db, service } = await startedService();
    await service.settled();
    service.stop();
    const restarted = new ScoringService(db);
    services.push(restarted);
    const phases: string[] = [];
    restarted.watch((status) => phases.push(status.phase));
    restarted.start();
    await restarted.settled();
    // Settled on the stored scores: nothing loaded, nothing scored.
    expect(phases).not.toContain('loading');
    expect(phases).not.toContain('scoring');
    expect(await restarted.scores((await readScoresStamp(db))!.computedAt)).not.toBeNull();

    await restarted.prepareForEdits();
    expect(phases).toContain('loading');
    expect(phases.at(-1)).toBe('idle');
    // Ready: an edit now folds in its client only.
    phases.length = 0;
    const [first] = await db.transactions.limit(1).toArray();
    await saveTransaction(db, { ...first!, amount: first!.amount + 1 });
    await restarted.settled();
    expect(phases).toContain('scoring');
    expect(phases).not.toContain('loading');
  });

  it('leaves a change to a tab that edits, unless asked to settle', async () => {
    const { db, ids, service } = await startedService();
    await service.settled();
    service.stop();
    // A tab that only lists, while another tab edits.
    const lister = new ScoringService(db, {
      editors: { join: () => undefined, elsewhere: () => Promise.resolve(true) },
    });
    services.push(lister);
    const phases: string[] = [];
    const idle: (() => void)[] = [];
    lister.watch((status) => {
      phases.push(status.phase);
      if (status.phase === 'idle') idle.splice(0).forEach((resolve) => resolve());
    });
    lister.start();
    await lister.settled();
    const before = (await readScoresStamp(db))?.seq;

    phases.length = 0;
    const ran = new Promise<void>((resolve) => idle.push(resolve));
    await saveTransaction(db, {
      id: 'late-invoice',
      clientId: ids[3]!,
      date: AS_OF,
      amount: 99,
      reference: '',
      description: '',
    });
    await ran;
    // Nothing loaded, nothing scored: the editing tab scores its edit.
    expect(phases).not.toContain('loading');
    expect(phases).not.toContain('scoring');
    expect((await readScoresStamp(db))?.seq).toBe(before);

    // Asked to settle (an evaluation waits for current scores), it scores the change.
    await lister.settled();
    expect(phases).toContain('scoring');
    expect((await readScoresStamp(db))?.seq).toBe(await lastChangeSeq(db));
  });

  it('holds the editors lock once a tab prepares for edits', async () => {
    const { service } = await startedService();
    await service.settled();
    const editors = async () =>
      (await navigator.locks.query()).held?.filter((lock) => lock.name === 'tierwise:editor')
        .length;
    // Other tests' services may hold it too (a tab holds it until its worker ends).
    const before = (await editors()) ?? 0;
    await service.prepareForEdits();
    await service.prepareForEdits();
    expect(await editors()).toBe(before + 1);
  });

  it('settles without scoring again when nothing changed', async () => {
    const { db, service, statuses } = await startedService();
    await service.settled();
    const before = (await readScores(db))?.computedAt;
    const reported = statuses.length;
    await service.settled();
    expect((await readScores(db))?.computedAt).toBe(before);
    expect(statuses.slice(reported).map((s) => s.phase)).not.toContain('saving');
  });

  it('settles after rescoring for a new evaluation date', async () => {
    const { db, service } = await startedService();
    await service.settled();
    await updateSettings(db, { evaluationDate: '2026-04-30' });
    await service.settled();
    expect((await readScores(db))?.asOf).toBe('2026-04-30');
  });

  it('rejects rather than waits once stopped', async () => {
    const { service } = await startedService();
    const waiting = service.settled();
    service.stop();
    await expect(waiting).rejects.toBeInstanceOf(ScoringStoppedError);
    await expect(service.settled()).rejects.toBeInstanceOf(ScoringStoppedError);
  });
});
