import { liveQuery } from 'dexie';
import {
  buildSnapshot,
  ENGINE_VERSION,
  mergeSnapshot,
  scoreClients,
  type Snapshot,
} from '$engine/index';
import type { TierwiseDb } from '$db/database';
import { ALL_CLIENTS } from '$db/derived-records';
import { readActiveModel } from '$db/model-repository';
import {
  readAllRecords,
  readChanges,
  readClientRecords,
  readSnapshot,
  saveScoring,
  snapshotSeq,
} from '$db/snapshot-store';
import { localDate, toEpochDay } from '$lib/dates';
import { toScoresRecord } from './scores-record';

export type ScoringPhase = 'idle' | 'loading' | 'building' | 'scoring' | 'saving' | 'error';

export interface ScoringStatus {
  phase: ScoringPhase;
  /** Clients in the last run. */
  clients: number;
  /** Duration of the last completed run, ms. */
  lastRunMs: number | null;
  error: string | null;
}

/** Changes arriving within this many ms are scored together. */
const COALESCE_MS = 40;
const SCORE_LOCK = 'tierwise:score';

/**
 * Keeps the scores up to date. Holds the columnar snapshot in memory, folds in the
 * changes the repositories log (re-reading only the clients concerned), rescoring after
 * every change to the data or the model, with bursts coalesced. One tab's worker scores
 * at a time (Web Lock); the others pick up the persisted snapshot.
 */
export class ScoringService {
  readonly #db: TierwiseDb;
  #snapshot: Snapshot | null = null;
  #seq = 0;
  #running = false;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #status: ScoringStatus = { phase: 'idle', clients: 0, lastRunMs: null, error: null };
  readonly #listeners = new Set<(status: ScoringStatus) => void>();

  constructor(db: TierwiseDb) {
    this.#db = db;
  }

  /** Starts watching the change log, the model and the snapshot. */
  start(): void {
    const db = this.#db;
    liveQuery(async () => {
      const [last, model, seq] = await Promise.all([
        db.changes.orderBy('seq').last(),
        readActiveModel(db),
        snapshotSeq(db),
      ]);
      return `${last?.seq ?? 0}|${model.id}|${model.updatedAt}|${seq}`;
    }).subscribe({
      next: () => this.schedule(),
      error: (error: unknown) => this.#report({ phase: 'error', error: String(error) }),
    });
  }

  /** Drops the in-memory snapshot: the next run rebuilds it from the tables. */
  invalidate(): void {
    this.#snapshot = null;
    this.#seq = 0;
    this.schedule();
  }

  watch(listener: (status: ScoringStatus) => void): void {
    this.#listeners.add(listener);
    listener(this.#status);
  }

  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), COALESCE_MS);
  }

  async #run(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    try {
      await navigator.locks.request(SCORE_LOCK, () => this.#runOnce());
    } catch (error) {
      this.#report({
        phase: 'error',
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.schedule();
      }
    }
  }

  async #runOnce(): Promise<void> {
    const db = this.#db;
    const started = performance.now();
    const today = localDate(new Date());
    const changes = await readChanges(db);
    if (this.#snapshot === null || (await snapshotSeq(db)) > this.#seq) {
      this.#report({ phase: 'loading' });
      const stored = await readSnapshot(db);
      this.#snapshot = stored?.snapshot ?? null;
      this.#seq = stored?.seq ?? 0;
    }
    const pending = changes.filter((c) => (c.seq ?? 0) > this.#seq);
    const seq = Math.max(this.#seq, ...changes.map((c) => c.seq ?? 0));
    if (this.#snapshot === null || pending.some((c) => c.clientId === ALL_CLIENTS)) {
      this.#report({ phase: 'building' });
      this.#snapshot = buildSnapshot(await readAllRecords(db));
    } else if (pending.length > 0) {
      const ids = [...new Set(pending.map((c) => c.clientId))];
      const patch = buildSnapshot(await readClientRecords(db, ids));
      const present = new Set(patch.clients.ids);
      this.#snapshot = mergeSnapshot(
        this.#snapshot,
        patch,
        new Set(ids.filter((id) => !present.has(id))),
      );
    }
    const model = await readActiveModel(db);
    const current = await db.scores.get('current');
    const upToDate =
      pending.length === 0 &&
      current !== undefined &&
      current.seq === seq &&
      current.asOf === today &&
      current.modelId === model.id &&
      current.modelUpdatedAt === model.updatedAt &&
      current.engineVersion === ENGINE_VERSION &&
      current.clientIds.length === this.#snapshot.clients.ids.length;
    if (upToDate) {
      this.#report({ phase: 'idle' });
      return;
    }
    this.#report({ phase: 'scoring' });
    const result = scoreClients(this.#snapshot, model.definition, { asOfDay: toEpochDay(today) });
    this.#report({ phase: 'saving' });
    const now = new Date();
    const durationMs = performance.now() - started;
    await saveScoring(
      db,
      this.#snapshot,
      seq,
      toScoresRecord(result, model, { asOf: today, seq, durationMs, now }),
      now,
    );
    this.#seq = seq;
    this.#report({
      phase: 'idle',
      clients: this.#snapshot.clients.ids.length,
      lastRunMs: Math.round(performance.now() - started),
      error: null,
    });
  }

  #report(change: Partial<ScoringStatus>): void {
    this.#status = { ...this.#status, ...change };
    for (const listener of this.#listeners) listener(this.#status);
  }
}
