import { buildSnapshot, mergeSnapshot, patchSnapshotInPlace, type Snapshot } from '$engine/index';
import type { TierwiseDb } from '$db/database';
import { ALL_CLIENTS } from '$db/derived-records';
import {
  readAllRecords,
  readChanges,
  readClientRecords,
  readSnapshot,
  saveSnapshot,
  snapshotSeq,
  snapshotWorthStoring,
} from '$db/snapshot-store';
import type { ClientDirectory } from './client-directory';
import type { LockRunner } from './score-lock';
import type { ReportStatus } from './scoring-status';

/**
 * The snapshot (tens of megabytes at scale) is saved once the data has been quiet this
 * long, or at once when more than this many changes wait: scores land quickly after an
 * edit, and a cold start re-reads at most a few hundred clients' rows.
 */
const SNAPSHOT_QUIET_MS = 3_000;
const SNAPSHOT_MAX_PENDING = 500;

export interface SnapshotKeeperOptions {
  /** Refreshed for the clients a change names, reloaded after a rebuild or adoption. */
  directory: ClientDirectory;
  report: ReportStatus;
  /** Held while the snapshot is stored when quiet (a run holds it already). */
  withLock: LockRunner;
  /** Defaults to `SNAPSHOT_QUIET_MS`. */
  quietMs?: number;
  /** Defaults to `SNAPSHOT_MAX_PENDING`. */
  maxPending?: number;
}

/** The snapshot after folding in the change log. */
export interface Fold {
  snapshot: Snapshot;
  /** The last change it includes. */
  seq: number;
  /**
   * Clients whose records changed since the previous fold; null when any may have (the
   * snapshot was loaded, rebuilt or adopted meanwhile).
   */
  changed: readonly string[] | null;
  /** Built from every row: worth storing at once, a cold start would otherwise redo it. */
  rebuilt: boolean;
}

/**
 * Holds the columnar snapshot in memory and keeps it current: folds in the changes the
 * repositories log by re-reading only the clients concerned (everything on `*`), and
 * stores it now and then, never over a newer one another tab stored. Another tab's worker
 * catches up from the stored snapshot and the change log, which keeps every change the
 * stored snapshot does not include.
 */
export class SnapshotKeeper {
  readonly #db: TierwiseDb;
  readonly #directory: ClientDirectory;
  readonly #report: ReportStatus;
  readonly #withLock: LockRunner;
  readonly #quietMs: number;
  readonly #maxPending: number;
  #snapshot: Snapshot | null = null;
  #reading: ReturnType<typeof readSnapshot> | null = null;
  /** The fold under way, which `currentOrStored` waits for. */
  #folding: Promise<Fold> | null = null;
  /** The last change folded into the in-memory snapshot. */
  #seq = 0;
  /** The last change the stored snapshot includes. */
  #storedSeq = 0;
  /** A snapshot was adopted since the last fold: every client may have changed. */
  #adopted = false;
  #quietTimer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;

  constructor(db: TierwiseDb, options: SnapshotKeeperOptions) {
    this.#db = db;
    this.#directory = options.directory;
    this.#report = options.report;
    this.#withLock = options.withLock;
    this.#quietMs = options.quietMs ?? SNAPSHOT_QUIET_MS;
    this.#maxPending = options.maxPending ?? SNAPSHOT_MAX_PENDING;
  }

  /** The snapshot in memory; null before the first fold or adoption. */
  current(): Snapshot | null {
    return this.#snapshot;
  }

  /**
   * The snapshot in memory, else the stored one (nothing has loaded it yet) with the
   * changes logged since it was stored: the clients they name are read again into a copy
   * (the stored one is left as read, for the first run to fold into). Null without data.
   * A change of every client (`*`) is left to the next run, which rebuilds.
   */
  async currentOrStored(): Promise<Snapshot | null> {
    // A failed fold leaves the snapshot as it was; the run reports the failure.
    if (this.#folding) await this.#folding.catch(() => undefined);
    if (this.#snapshot) return this.#snapshot;
    const stored = await this.#readStored();
    if (!stored) return null;
    const pending = (await readChanges(this.#db)).filter((c) => (c.seq ?? 0) > stored.seq);
    if (pending.length === 0 || pending.some((c) => c.clientId === ALL_CLIENTS)) {
      return stored.snapshot;
    }
    const ids = [...new Set(pending.map((c) => c.clientId))];
    const patch = buildSnapshot(await readClientRecords(this.#db, ids));
    const present = new Set(patch.clients.ids);
    return mergeSnapshot(stored.snapshot, patch, new Set(ids.filter((id) => !present.has(id))));
  }

  /**
   * Reads the stored snapshot, once for everyone asking meanwhile: at start the first run
   * and the dashboard both want it, and it is tens of megabytes at scale.
   */
  #readStored(): ReturnType<typeof readSnapshot> {
    this.#reading ??= readSnapshot(this.#db).finally(() => (this.#reading = null));
    return this.#reading;
  }

  /**
   * Takes a snapshot just stored with `seq` (the writer built it from the rows it wrote),
   * so the next fold starts from it without reading it back.
   */
  adopt(snapshot: Snapshot, seq: number): void {
    this.#snapshot = snapshot;
    this.#seq = seq;
    this.#storedSeq = seq;
    this.#adopted = true;
    this.#directory.invalidate(); // the clients were just written
  }

  /**
   * Brings the snapshot up to the change log: reloads the stored one when there is none
   * in memory or another tab stored a newer one, rebuilds it from every row when a change
   * names `*` (or nothing is stored), else re-reads only the clients the changes name.
   * Whoever asks for the snapshot meanwhile (`currentOrStored`) waits for this fold: a
   * stored snapshot is in memory before the changes are folded into it, and an answer
   * from it would miss them while the scores, already current, never change to ask again.
   */
  async catchUp(): Promise<Fold> {
    const folding = this.#fold();
    this.#folding = folding;
    try {
      return await folding;
    } finally {
      if (this.#folding === folding) this.#folding = null;
    }
  }

  async #fold(): Promise<Fold> {
    const db = this.#db;
    const changes = await readChanges(db);
    const storedSeq = await snapshotSeq(db);
    let anyChanged = this.#adopted;
    this.#adopted = false;
    let snapshot = this.#snapshot;
    let foldedSeq = this.#seq;
    if (snapshot === null || storedSeq > foldedSeq) {
      this.#report({ phase: 'loading', progress: 0 });
      const stored = await this.#readStored();
      snapshot = stored?.snapshot ?? null;
      // One of an older format cannot be read, but the rows hold every change up to it
      // (the log has dropped them): the rebuild below is as of that change at least.
      foldedSeq = stored?.seq ?? storedSeq;
      this.#storedSeq = stored?.seq ?? 0;
      anyChanged = true;
    }
    const pending = changes.filter((c) => (c.seq ?? 0) > foldedSeq);
    const seq = Math.max(foldedSeq, ...changes.map((c) => c.seq ?? 0));
    let rebuilt = false;
    let ids: string[] = [];
    if (snapshot === null || pending.some((c) => c.clientId === ALL_CLIENTS)) {
      this.#report({ phase: 'building', progress: 0 });
      snapshot = buildSnapshot(await readAllRecords(db));
      this.#directory.invalidate();
      rebuilt = true;
    } else if (pending.length > 0) {
      ids = [...new Set(pending.map((c) => c.clientId))];
      await this.#directory.refresh(ids);
      const patch = buildSnapshot(await readClientRecords(db, ids));
      const present = new Set(patch.clients.ids);
      const removed = new Set(ids.filter((id) => !present.has(id)));
      // An edit that keeps every client's number of rows is written over the snapshot;
      // anything else makes a new one.
      if (!patchSnapshotInPlace(snapshot, patch, removed)) {
        snapshot = mergeSnapshot(snapshot, patch, removed);
      }
    }
    this.#snapshot = snapshot;
    this.#seq = seq;
    const changed = anyChanged || rebuilt ? null : ids;
    return { snapshot, seq, changed, rebuilt };
  }

  /**
   * Stores the snapshot after a run: at once after a rebuild or when many changes wait,
   * else once the data has been quiet for a while (a later call restarts the wait).
   */
  async persist(rebuilt: boolean): Promise<void> {
    if (rebuilt || this.#seq - this.#storedSeq > this.#maxPending) await this.#store();
    else if (this.#seq > this.#storedSeq) this.#storeWhenQuiet();
  }

  /** Stops for good: no snapshot is stored after this (the database is going away). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#quietTimer);
  }

  #storeWhenQuiet(): void {
    if (this.#stopped) return;
    clearTimeout(this.#quietTimer);
    this.#quietTimer = setTimeout(() => {
      void this.#withLock(() => this.#store()).catch((error: unknown) =>
        this.#report({ phase: 'error', error: String(error) }),
      );
    }, this.#quietMs);
  }

  async #store(): Promise<void> {
    clearTimeout(this.#quietTimer);
    const snapshot = this.#snapshot;
    const seq = this.#seq;
    // Another tab may have stored a newer one meanwhile; never go back.
    if (snapshot === null || !(await snapshotWorthStoring(this.#db, seq))) return;
    await saveSnapshot(this.#db, snapshot, seq, new Date());
    this.#storedSeq = seq;
  }
}
