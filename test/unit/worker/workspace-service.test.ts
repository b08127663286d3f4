import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TierwiseDb } from '$db/database';
import { ALL_CLIENTS } from '$db/derived-records';
import type { Snapshot } from '$engine/index';
import type { WorkspaceSwap } from '$worker/workspace-swap';
import { WorkspaceNotEmptyError, WorkspaceService } from '$worker/workspace-service';

let db: TierwiseDb;
let adopted: { snapshot: Snapshot; seq: number }[];
let staged: { rows: Record<string, readonly unknown[]>; mode: string }[];

function service(stagingRows = 1_000_000): WorkspaceService {
  const swap = {
    stagingRows,
    swapInCopyWith: (rows: Record<string, readonly unknown[]>, mode: string) => {
      staged.push({ rows, mode });
      return Promise.resolve();
    },
  } as unknown as WorkspaceSwap; // the service stages through swapInCopyWith only
  const scoring = { adopt: (snapshot: Snapshot, seq: number) => adopted.push({ snapshot, seq }) };
  return new WorkspaceService({ db, scoring, withWriteLock: (work) => work(), swap });
}

/** The next write to the change log fails, as a full disk would fail it. */
function failNextChange(): void {
  db.changes.hook('creating', () => {
    throw new Error('QuotaExceededError');
  });
}

beforeEach(() => {
  db = new TierwiseDb(`workspace-service-${Math.random()}`);
  adopted = [];
  staged = [];
});
afterEach(async () => {
  await db.delete();
});

describe('loading the sample', () => {
  it('writes every record and the scorer’s snapshot in one go', async () => {
    const { counts, swapped } = await service().loadSample('2026-03-31', 'sample');
    expect(swapped).toBe(false);
    expect(await db.clients.count()).toBe(counts.clients);
    expect(await db.transactions.count()).toBe(counts.transactions);
    expect(adopted).toHaveLength(1);
    expect(adopted[0]?.snapshot.clients.ids.length).toBe(counts.clients);
    expect((await db.snapshots.get('meta'))?.part).toBe('meta');
  });

  it('writes nothing when the last step fails (no clients without their snapshot)', async () => {
    failNextChange();
    await expect(service().loadSample('2026-03-31', 'sample')).rejects.toThrow();
    expect(await db.clients.count()).toBe(0);
    expect(await db.transactions.count()).toBe(0);
    expect(adopted).toEqual([]);
  });

  it('stages a dataset above the staging threshold and swaps it in', async () => {
    const { counts, swapped } = await service(100).loadSample('2026-03-31', 'sample');
    expect(swapped).toBe(true);
    expect(staged).toHaveLength(1);
    expect(staged[0]?.mode).toBe('add');
    expect(staged[0]?.rows['clients']).toHaveLength(counts.clients);
    expect(await db.clients.count()).toBe(0);
  });

  it('refuses a workspace that has clients', async () => {
    await service().loadSample('2026-03-31', 'sample');
    await expect(service().loadSample('2026-03-31', 'sample')).rejects.toThrow(
      WorkspaceNotEmptyError,
    );
  });
});

describe('deleting all data', () => {
  it('empties every client table and tells the scorer, together', async () => {
    await service().loadSample('2026-03-31', 'sample');
    await service().clearAll();
    expect(await db.clients.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);
    expect((await db.changes.toArray()).at(-1)?.clientId).toBe(ALL_CLIENTS);
  });

  it('deletes nothing when telling the scorer fails', async () => {
    const { counts } = await service().loadSample('2026-03-31', 'sample');
    failNextChange();
    await expect(service().clearAll()).rejects.toThrow();
    expect(await db.clients.count()).toBe(counts.clients);
    expect(await db.transactions.count()).toBe(counts.transactions);
  });
});
