import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TierwiseDb } from '$db/database';
import { readChanges } from '$db/snapshot-store';
import { RunScheduler, ScoringStoppedError } from '$worker/run-scheduler';
import type { LockRunner } from '$worker/score-lock';
import type { ScoringStatus } from '$worker/scoring-status';
import { deleteDatabases, openDatabase } from './scoring-fixtures';

const open: TierwiseDb[] = [];
const schedulers: RunScheduler[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const scheduler of schedulers.splice(0)) scheduler.stop();
  await deleteDatabases(open);
});

/** A promise and the means to settle it from outside. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/**
 * A scheduler whose run reads the change log of a real database, as a scoring run does,
 * and records which changes each run saw. `hold` keeps a run going until released.
 */
function harness(options: { fail?: Error; hold?: Promise<void> } = {}) {
  const db = openDatabase('scheduler', open);
  const seen: string[][] = [];
  const statuses: Partial<ScoringStatus>[] = [];
  const started = deferred();
  let locked = 0;
  const withLock: LockRunner = async (work) => {
    locked += 1;
    return await work();
  };
  const scheduler = new RunScheduler(
    async () => {
      statuses.push({ phase: 'scoring' });
      seen.push((await readChanges(db)).map((c) => c.clientId));
      started.resolve();
      if (seen.length === 1) await options.hold;
      if (options.fail) throw options.fail;
    },
    // Wider than the default, so the burst below (30 ms apart) is one burst.
    { report: (change) => statuses.push(change), withLock, coalesceMs: 40 },
  );
  schedulers.push(scheduler);
  return { db, scheduler, seen, statuses, started: started.promise, locks: () => locked };
}

describe('the run scheduler', () => {
  it('coalesces a burst of changes into one run that sees them all', async () => {
    const { db, scheduler, seen, statuses, locks } = harness();
    await db.open();
    // Fake timers only for the scheduler's: the database answers through setImmediate.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    // Each write asks for a run, as the change log's live query does, 30 ms apart.
    const writes = ['a', 'b', 'c'].map((clientId) => {
      const written = db.changes.add({ clientId });
      scheduler.schedule();
      vi.advanceTimersByTime(30);
      return written;
    });
    // Asked while the run is due: waits for that run, asks for none of its own.
    const settled = scheduler.settled();
    expect(vi.getTimerCount()).toBe(1);
    expect(locks()).toBe(0); // each request moved the run later
    vi.advanceTimersByTime(10);
    expect(locks()).toBe(1);
    vi.useRealTimers();
    await Promise.all([...writes, settled]);
    expect(seen).toEqual([['a', 'b', 'c']]);
    expect(locks()).toBe(1);
    expect(statuses.map((s) => s.phase)).toEqual(['scoring', 'idle']);
  });

  it('runs again when a change arrives during a run, and says idle only after both', async () => {
    const hold = deferred();
    const { db, scheduler, seen, statuses, started } = harness({ hold: hold.promise });
    await db.changes.add({ clientId: 'a' });
    scheduler.schedule();
    await started;
    await db.changes.add({ clientId: 'b' });
    scheduler.schedule();
    const settled = scheduler.settled();
    hold.resolve();
    await settled;
    expect(seen).toEqual([['a'], ['a', 'b']]);
    expect(statuses.map((s) => s.phase)).toEqual(['scoring', 'scoring', 'idle']);
  });

  it('settles with one run when nothing is due, and without one when a run is due', async () => {
    const { scheduler, seen, statuses } = harness();
    await scheduler.settled();
    expect(seen).toHaveLength(1);
    scheduler.schedule();
    await Promise.all([scheduler.settled(), scheduler.settled()]);
    expect(seen).toHaveLength(2);
    expect(statuses.map((s) => s.phase)).toEqual(['scoring', 'idle', 'scoring', 'idle']);
  });

  it('does not settle on a run that began before the call', async () => {
    const hold = deferred();
    const { db, scheduler, seen, started } = harness({ hold: hold.promise });
    scheduler.schedule();
    await started;
    await db.changes.add({ clientId: 'late' }); // written after the run read the log
    const settled = scheduler.settled();
    hold.resolve();
    await settled;
    expect(seen).toEqual([[], ['late']]);
  });

  it('reports a failed run and rejects who waits for it', async () => {
    const { scheduler, statuses } = harness({ fail: new Error('disk full') });
    await expect(scheduler.settled()).rejects.toThrow('disk full');
    expect(statuses.at(-1)).toEqual({ phase: 'error', progress: null, error: 'disk full' });
    expect(statuses.some((s) => s.phase === 'idle')).toBe(false);
  });

  it('rejects who waits when stopped, and every later call', async () => {
    const hold = deferred();
    const { scheduler, seen, started } = harness({ hold: hold.promise });
    const waiting = scheduler.settled();
    await started;
    scheduler.stop();
    await expect(waiting).rejects.toBeInstanceOf(ScoringStoppedError);
    await expect(scheduler.settled()).rejects.toBeInstanceOf(ScoringStoppedError);
    // No run is even timed after stop (fake timers only here: the run is parked on `hold`).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    scheduler.schedule();
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    hold.resolve();
    expect(seen).toHaveLength(1);
  });
});
