import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TierwiseDb } from '$db/database';
import { ALL_CLIENTS } from '$db/derived-records';
import { saveTransaction } from '$db/record-repository';
import { readChanges, readSnapshot, saveSnapshot, snapshotSeq } from '$db/snapshot-store';
import type { ScoringStatus } from '$worker/scoring-status';
import { ClientDirectory } from '$worker/client-directory';
import { SnapshotKeeper, type SnapshotKeeperOptions } from '$worker/snapshot-keeper';
import {
  AS_OF,
  deleteClient,
  deleteDatabases,
  openDatabase,
  seedBase,
  snapshotOfRows,
} from './scoring-fixtures';

const open: TierwiseDb[] = [];
const keepers: SnapshotKeeper[] = [];
afterEach(async () => {
  for (const keeper of keepers.splice(0)) keeper.stop();
  await deleteDatabases(open);
});

function keeperFor(
  db: TierwiseDb,
  options: Partial<SnapshotKeeperOptions> = {},
): { keeper: SnapshotKeeper; directory: ClientDirectory; phases: ScoringStatus['phase'][] } {
  const directory = new ClientDirectory(db);
  const phases: ScoringStatus['phase'][] = [];
  const keeper = new SnapshotKeeper(db, {
    directory,
    report: (change) => {
      if (change.phase) phases.push(change.phase);
    },
    withLock: (work) => work(), // one keeper per database here: nothing to exclude
    ...options,
  });
  keepers.push(keeper);
  return { keeper, directory, phases };
}

describe('the snapshot keeper', () => {
  it('loads the stored snapshot first, then folds in only the clients the log names', async () => {
    const db = openDatabase('keeper', open);
    const { snapshot, seq, ids } = await seedBase(db);
    const [buyer, leaver] = [ids[0]!, ids[1]!];
    const { keeper, directory, phases } = keeperFor(db);

    const loaded = await keeper.catchUp();
    expect(phases).toEqual(['loading']);
    expect(loaded).toMatchObject({ seq, changed: null, rebuilt: false });
    expect(loaded.snapshot).toEqual(snapshot);
    expect((await directory.entries()).has(leaver)).toBe(true);

    await saveTransaction(db, {
      id: 'new-invoice',
      clientId: buyer,
      date: AS_OF,
      amount: 1234.5,
      reference: '',
      description: '',
    });
    await deleteClient(db, leaver);
    const folded = await keeper.catchUp();

    expect(phases).toEqual(['loading']); // neither read back nor rebuilt
    expect(folded.seq).toBe(seq + 2);
    expect(folded.rebuilt).toBe(false);
    expect([...(folded.changed ?? [])].sort()).toEqual([buyer, leaver].sort());
    expect(folded.snapshot.clients.ids).toEqual(ids.filter((id) => id !== leaver));
    const at = folded.snapshot.clients.ids.indexOf(buyer);
    const { offsets, amount } = folded.snapshot.transactions;
    expect(Array.from(amount.subarray(offsets[at], offsets[at + 1]))).toContain(1234.5);
    expect(folded.snapshot).toEqual(await snapshotOfRows(db));
    expect(keeper.current()).toBe(folded.snapshot);
    expect((await directory.entries()).has(leaver)).toBe(false);
  });

  it('rebuilds from every row when a change names every client', async () => {
    const db = openDatabase('keeper', open);
    const { seq, ids } = await seedBase(db);
    const { keeper, phases } = keeperFor(db);
    await keeper.catchUp();
    // Rows written without a snapshot of them, as a restore that only logs `*` does.
    await db.clients.update(ids[2]!, { name: 'Renamed', archived: true });
    await db.transactions.clear();
    await db.changes.add({ clientId: ALL_CLIENTS });

    const rebuilt = await keeper.catchUp();
    expect(phases).toEqual(['loading', 'building']);
    expect(rebuilt).toMatchObject({ seq: seq + 1, changed: null, rebuilt: true });
    expect(rebuilt.snapshot).toEqual(await snapshotOfRows(db));
    expect(rebuilt.snapshot.transactions.amount).toHaveLength(0);
    expect(rebuilt.snapshot.clients.archived[2]).toBe(1);

    // A rebuild is stored at once, and drains the log it includes.
    await keeper.persist(rebuilt.rebuilt);
    expect(await snapshotSeq(db)).toBe(seq + 1);
    expect(await readChanges(db)).toEqual([]);
  });

  it('builds from the rows when nothing is stored yet', async () => {
    const db = openDatabase('keeper', open);
    const { ids } = await seedBase(db);
    await db.snapshots.clear();
    const { keeper, phases } = keeperFor(db);
    const built = await keeper.catchUp();
    expect(phases).toEqual(['loading', 'building']);
    expect(built.rebuilt).toBe(true);
    expect(built.snapshot.clients.ids).toEqual(ids);
  });

  it('rebuilds a snapshot of an older format and stores the new one over it', async () => {
    const db = openDatabase('keeper', open);
    const { seq } = await seedBase(db);
    // Stored by an earlier build, as of the latest change: its columns mean other things.
    const meta = await db.snapshots.get('meta');
    await db.snapshots.put({ ...meta!, format: 0 } as typeof meta & object); // the meta record, older
    const { keeper, phases } = keeperFor(db);
    const built = await keeper.catchUp();
    expect(phases).toEqual(['loading', 'building']);
    await keeper.persist(built.rebuilt);
    // Stored, so the next start loads it instead of reading every row again.
    const next = keeperFor(db);
    const loaded = await next.keeper.catchUp();
    expect(next.phases).toEqual(['loading']);
    expect(loaded.seq).toBe(seq);
    expect(loaded.snapshot).toEqual(await snapshotOfRows(db));
  });

  it('stores the snapshot at once when more changes wait than the threshold', async () => {
    const db = openDatabase('keeper', open);
    const { seq, ids } = await seedBase(db);
    const { keeper } = keeperFor(db, { maxPending: 2, quietMs: 60_000 });
    await keeper.catchUp();

    for (const id of ids.slice(0, 2)) await db.changes.add({ clientId: id });
    await keeper.persist((await keeper.catchUp()).rebuilt);
    expect(await snapshotSeq(db)).toBe(seq); // two wait: not yet (the quiet wait is long)

    await db.changes.add({ clientId: ids[2]! });
    const third = await keeper.catchUp();
    await keeper.persist(third.rebuilt);
    expect(await snapshotSeq(db)).toBe(seq + 3);
    expect(await readChanges(db)).toEqual([]);
    expect((await readSnapshot(db))?.snapshot).toEqual(third.snapshot);
  });

  it('stores the snapshot once the data has been quiet', async () => {
    const db = openDatabase('keeper', open);
    const { seq, ids } = await seedBase(db);
    const { keeper } = keeperFor(db, { quietMs: 20 });
    await keeper.catchUp();
    await db.changes.add({ clientId: ids[0]! });
    const folded = await keeper.catchUp();
    await keeper.persist(folded.rebuilt);
    expect(await snapshotSeq(db)).toBe(seq);
    await vi.waitFor(async () => expect(await snapshotSeq(db)).toBe(seq + 1));
    expect((await readSnapshot(db))?.snapshot).toEqual(folded.snapshot);
  });

  it('never stores over a newer snapshot, and catches up from it', async () => {
    const db = openDatabase('keeper', open);
    const { seq, ids } = await seedBase(db);
    const { keeper } = keeperFor(db);
    await keeper.catchUp();
    await db.changes.add({ clientId: ids[0]! });
    const mine = await keeper.catchUp();
    expect(mine.seq).toBe(seq + 1);

    // Another tab folds in one more change and stores its snapshot first.
    await deleteClient(db, ids[1]!);
    const theirs = await snapshotOfRows(db);
    await saveSnapshot(db, theirs, seq + 2, new Date());

    await keeper.persist(true);
    expect(await snapshotSeq(db)).toBe(seq + 2);
    expect((await readSnapshot(db))?.snapshot.clients.ids).not.toContain(ids[1]);

    const caughtUp = await keeper.catchUp();
    expect(caughtUp).toMatchObject({ seq: seq + 2, changed: null });
    expect(caughtUp.snapshot).toEqual(theirs);
  });

  it('before any run, answers with the stored snapshot and the changes logged since, leaving it as stored', async () => {
    const db = openDatabase('keeper', open);
    const { snapshot, ids } = await seedBase(db);
    const [buyer, leaver] = [ids[0]!, ids[1]!];
    const { keeper } = keeperFor(db);
    expect(await keeper.currentOrStored()).toEqual(snapshot);

    await saveTransaction(db, {
      id: 'logged-invoice',
      clientId: buyer,
      date: AS_OF,
      amount: 777,
      reference: '',
      description: '',
    });
    await deleteClient(db, leaver);
    const answered = await keeper.currentOrStored();
    expect(answered).toEqual(await snapshotOfRows(db));
    expect(keeper.current()).toBeNull();
    expect((await readSnapshot(db))?.snapshot).toEqual(snapshot);
  });

  it('answers a question asked during a fold with the folded snapshot, never the half-loaded one', async () => {
    const db = openDatabase('keeper', open);
    const { ids } = await seedBase(db);
    await saveTransaction(db, {
      id: 'logged-invoice',
      clientId: ids[0]!,
      date: AS_OF,
      amount: 777,
      reference: '',
      description: '',
    });
    // The fold has put the stored snapshot in memory and is reading the changed clients.
    let asked: Promise<unknown> | undefined;
    class AskingDirectory extends ClientDirectory {
      override async refresh(changed: readonly string[]): Promise<void> {
        asked ??= keeper.currentOrStored();
        await super.refresh(changed);
      }
    }
    const { keeper } = keeperFor(db, { directory: new AskingDirectory(db) });
    const folded = await keeper.catchUp();
    expect(asked).toBeDefined();
    expect(await asked).toBe(folded.snapshot);
    expect(await asked).toEqual(await snapshotOfRows(db));
  });

  it('starts from an adopted snapshot without reading it back', async () => {
    const db = openDatabase('keeper', open);
    const { snapshot, seq, ids } = await seedBase(db);
    const { keeper, phases } = keeperFor(db);
    keeper.adopt(snapshot, seq);
    expect(await keeper.currentOrStored()).toBe(snapshot);
    await db.changes.add({ clientId: ids[0]! });
    const folded = await keeper.catchUp();
    expect(phases).toEqual([]);
    // Adopted since the last fold: any client may have changed.
    expect(folded).toMatchObject({ seq: seq + 1, changed: null, rebuilt: false });
    await db.changes.add({ clientId: ids[1]! });
    expect((await keeper.catchUp()).changed).toEqual([ids[1]]);
  });
});
