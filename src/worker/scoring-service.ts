import { liveQuery } from 'dexie';
import {
  buildSnapshot,
  ENGINE_VERSION,
  mergeSnapshot,
  SCORE_STAGES,
  scoreClients,
  transactionDays,
  type Snapshot,
} from '$engine/index';
import type { TierwiseDb } from '$db/database';
import { ALL_CLIENTS, snapshotCounts, type ScoresRecord } from '$db/derived-records';
import { readActiveModel } from '$db/model-repository';
import { readSettings } from '$db/settings-repository';
import {
  readAllRecords,
  readChanges,
  readClientRecords,
  readScores,
  readScoresStamp,
  readSnapshot,
  saveScores,
  saveScoresStamp,
  saveSnapshot,
  snapshotSeq,
} from '$db/snapshot-store';
import { fromEpochDay, localDate, toEpochDay } from '$lib/dates';
import type { ClientId } from '$schema/common';
import { scoringDefinitionSchema, type ScoringDefinition } from '$schema/scoring-model';
import { evaluationDay } from '$schema/settings';
import { ClientDirectory } from './client-directory';
import { ClvCache } from './clv-cache';
import { previewRun, tierColumns, type LastRun, type ModelPreview } from './model-preview';
import { toScoresRecord } from './scores-record';

export type ScoringPhase = 'idle' | 'loading' | 'building' | 'scoring' | 'saving' | 'error';

export interface ScoringStatus {
  phase: ScoringPhase;
  /** How far the current run is, 0–1; null when idle. */
  progress: number | null;
  /** Clients in the last run. */
  clients: number;
  /** Duration of the last completed run, ms. */
  lastRunMs: number | null;
  error: string | null;
}

/** Changes arriving within this many ms are scored together. */
const COALESCE_MS = 40;
/**
 * The snapshot (tens of megabytes at scale) is saved once the data has been quiet this
 * long, or at once when this many changes wait: scores land quickly after an edit, and a
 * cold start re-reads at most a few hundred clients' rows.
 */
const SNAPSHOT_QUIET_MS = 3_000;
const SNAPSHOT_MAX_PENDING = 500;
const SCORE_LOCK = 'tierwise:score';

/** What the stored scores were made from, to skip a run that would change nothing. */
type ScoresKey = Pick<
  ScoresRecord,
  'seq' | 'asOf' | 'modelId' | 'modelUpdatedAt' | 'engineVersion'
> & { clients: number };

/**
 * Keeps the scores up to date. Holds the columnar snapshot in memory, folds in the
 * changes the repositories log (re-reading only the clients concerned), rescoring after
 * every change to the data or the model, with bursts coalesced. One tab's worker scores
 * at a time (Web Lock); another tab's worker catches up from the stored snapshot and the
 * change log, which keeps every change the stored snapshot does not include.
 */
export class ScoringService {
  readonly #db: TierwiseDb;
  #snapshot: Snapshot | null = null;
  #reading: ReturnType<typeof readSnapshot> | null = null;
  /** The last change folded into the in-memory snapshot. */
  #seq = 0;
  /** The last change the stored snapshot includes. */
  #storedSeq = 0;
  /** Key of the stored scores; undefined until read once. */
  #scored: ScoresKey | null | undefined;
  readonly #clv = new ClvCache();
  /** What the last run scored, and how, for previews of another model on the same data. */
  #lastRun: LastRun | null = null;
  readonly #directory: ClientDirectory;
  /** The scores record last saved or read. */
  #latest: ScoresRecord | null = null;
  /** Clients changed since the last run; null: possibly all of them. */
  #changedIds: Set<string> | null = null;
  #running = false;
  #again = false;
  /** A run's timer is set: the status does not say idle meanwhile. */
  #due = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #watching: { unsubscribe(): void } | undefined;
  #stopped = false;
  #snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  #status: ScoringStatus = {
    phase: 'idle',
    progress: null,
    clients: 0,
    lastRunMs: null,
    error: null,
  };
  readonly #listeners = new Set<(status: ScoringStatus) => void>();

  constructor(db: TierwiseDb) {
    this.#db = db;
    this.#directory = new ClientDirectory(db);
  }

  /** The clients' names, companies, emails and tags, for the list. */
  get directory(): ClientDirectory {
    return this.#directory;
  }

  /**
   * The current scores record: the one this worker saved or read, unless the page has
   * seen a different one (`computedAt`), in which case another tab scored: read it.
   */
  async scores(computedAt: string): Promise<ScoresRecord | null> {
    if (this.#latest?.computedAt !== computedAt) {
      this.#latest = (await readScores(this.#db)) ?? null;
    }
    return this.#latest;
  }

  /**
   * The snapshot the scores were made from (or newer, by changes not scored yet): the one
   * in memory, else the stored one when no run has loaded it yet; null without data.
   */
  async currentSnapshot(): Promise<Snapshot | null> {
    return this.#snapshot ?? (await this.#readStored())?.snapshot ?? null;
  }

  /**
   * Reads the stored snapshot, once for everyone asking meanwhile: at start the first run
   * and the dashboard both want it, and it is tens of megabytes at scale.
   */
  #readStored(): ReturnType<typeof readSnapshot> {
    this.#reading ??= readSnapshot(this.#db).finally(() => (this.#reading = null));
    return this.#reading;
  }

  /** Starts watching the change log, the model and the snapshot. */
  start(): void {
    const db = this.#db;
    this.#watching = liveQuery(async () => {
      const [last, model, seq, settings] = await Promise.all([
        db.changes.orderBy('seq').last(),
        readActiveModel(db),
        snapshotSeq(db),
        readSettings(db),
      ]);
      const day = settings.evaluationDate ?? '';
      return `${last?.seq ?? 0}|${model.id}|${model.updatedAt}|${seq}|${day}`;
    }).subscribe({
      next: () => this.schedule(),
      error: (error: unknown) => this.#report({ phase: 'error', error: String(error) }),
    });
  }

  /**
   * Stops for good: the database is being swapped out (docs/storage.md), and a run now
   * would only meet a closed connection.
   */
  stop(): void {
    this.#stopped = true;
    this.#watching?.unsubscribe();
    clearTimeout(this.#timer);
    clearTimeout(this.#snapshotTimer);
  }

  /**
   * Takes a snapshot just stored with `seq` (the writer built it from the rows it wrote),
   * so the next run scores it without reading it back.
   */
  adopt(snapshot: Snapshot, seq: number): void {
    this.#snapshot = snapshot;
    this.#seq = seq;
    this.#storedSeq = seq;
    this.#changedIds = null;
    this.#directory.invalidate(); // the clients were just written
    this.schedule();
  }

  watch(listener: (status: ScoringStatus) => void): void {
    this.#listeners.add(listener);
    listener(this.#status);
  }

  schedule(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#due = true;
    this.#timer = setTimeout(() => {
      this.#due = false;
      void this.#run();
    }, COALESCE_MS);
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
      if (this.#stopped) return; // the connection closed under the run: expected
      this.#report({
        phase: 'error',
        progress: null,
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.schedule();
      }
    }
    // Idle means settled: not while another run is already due (a change arrived meanwhile).
    if (!this.#due) this.#report({ phase: 'idle', progress: null });
  }

  async #runOnce(): Promise<void> {
    const db = this.#db;
    const started = performance.now();
    // The as-of day: today, unless the user fixed one (a history that ended in the past).
    const today = evaluationDay(await readSettings(db), localDate(new Date()));
    const changes = await readChanges(db);
    const storedSeq = await snapshotSeq(db);
    if (this.#snapshot === null || storedSeq > this.#seq) {
      this.#report({ phase: 'loading', progress: 0 });
      const stored = await this.#readStored();
      this.#snapshot = stored?.snapshot ?? null;
      this.#seq = stored?.seq ?? 0;
      this.#storedSeq = this.#seq;
      this.#changedIds = null;
    }
    const pending = changes.filter((c) => (c.seq ?? 0) > this.#seq);
    const seq = Math.max(this.#seq, ...changes.map((c) => c.seq ?? 0));
    let rebuilt = false;
    if (this.#snapshot === null || pending.some((c) => c.clientId === ALL_CLIENTS)) {
      this.#report({ phase: 'building', progress: 0 });
      this.#snapshot = buildSnapshot(await readAllRecords(db));
      this.#changedIds = null;
      this.#directory.invalidate();
      rebuilt = true;
    } else if (pending.length > 0) {
      const ids = [...new Set(pending.map((c) => c.clientId))];
      for (const id of ids) this.#changedIds?.add(id);
      await this.#directory.refresh(ids);
      const patch = buildSnapshot(await readClientRecords(db, ids));
      const present = new Set(patch.clients.ids);
      this.#snapshot = mergeSnapshot(
        this.#snapshot,
        patch,
        new Set(ids.filter((id) => !present.has(id))),
      );
    }
    this.#seq = seq;
    const snapshot = this.#snapshot;
    const model = await readActiveModel(db);
    const key: ScoresKey = {
      seq,
      asOf: today,
      modelId: model.id,
      modelUpdatedAt: model.updatedAt,
      engineVersion: ENGINE_VERSION,
      clients: snapshot.clients.ids.length,
    };
    if (this.#scored === undefined) {
      const stored = await readScores(db);
      const storedKey = scoresKey(stored);
      this.#scored = storedKey;
      // Scores saved before there were stamps, still current: give them one, so views
      // stop counting rows.
      if (stored && storedKey && sameKey(storedKey, key) && !(await readScoresStamp(db))) {
        await saveScoresStamp(db, stored, snapshotCounts(snapshot));
      }
    }
    if (this.#scored === null || !sameKey(this.#scored, key)) {
      const asOfDay = toEpochDay(today);
      const clv = this.#clv.predict(snapshot, asOfDay, this.#changedIds);
      this.#changedIds = new Set();
      const result = scoreClients(snapshot, model.definition, {
        asOfDay,
        pActive: clv.scores.pActive,
        clv12m: clv.scores.clv12m,
        onStage: (stage) =>
          this.#report({
            phase: 'scoring',
            progress: SCORE_STAGES.indexOf(stage) / SCORE_STAGES.length,
          }),
      });
      this.#report({ phase: 'saving', progress: 1 });
      const durationMs = performance.now() - started;
      const latest = transactionDays(snapshot)?.last ?? null;
      const record = toScoresRecord(result, clv, model, {
        asOf: today,
        seq,
        durationMs,
        now: new Date(),
        ...(latest === null ? {} : { latestTransaction: fromEpochDay(latest) }),
      });
      await saveScores(db, record, snapshotCounts(snapshot));
      this.#latest = record;
      this.#scored = key;
      this.#lastRun = {
        snapshot,
        asOfDay,
        clv,
        columns: tierColumns(result, model.definition),
      };
      this.#report({
        clients: snapshot.clients.ids.length,
        lastRunMs: Math.round(performance.now() - started),
        error: null,
      });
    }
    if (rebuilt || seq - this.#storedSeq > SNAPSHOT_MAX_PENDING) await this.#storeSnapshot();
    else if (seq > this.#storedSeq) this.#storeSnapshotWhenQuiet();
  }

  /**
   * Scores the data of the last run with a candidate model, stores nothing, and compares
   * the result with that run: same snapshot, as-of day and lifetime-value predictions, so
   * only the model differs. Returns a summary (never per-client columns), or null before
   * there are scores to compare with.
   * @throws ZodError when the candidate is not a valid model
   */
  async preview(candidate: ScoringDefinition): Promise<ModelPreview | null> {
    const definition = scoringDefinitionSchema.parse(candidate);
    const last = this.#lastRun ?? (await this.#storedRun());
    if (last === null) return null;
    this.#lastRun = last;
    const preview = previewRun(last, definition);
    // Scores hold the ids of stored clients, which are ClientIds.
    const ids = preview.movers.map((m) => m.id) as ClientId[];
    const clients = await this.#db.clients.bulkGet(ids);
    preview.movers.forEach((mover, i) => (mover.name = clients[i]?.name ?? mover.id));
    return preview;
  }

  /**
   * The stored scores as the last run, when this worker has not scored yet (they matched
   * the data and the model at start): predictions are fitted once on the snapshot.
   */
  async #storedRun(): Promise<LastRun | null> {
    const snapshot = this.#snapshot;
    const [stored, model] = await Promise.all([readScores(this.#db), readActiveModel(this.#db)]);
    if (snapshot === null || stored === undefined) return null;
    const asOfDay = toEpochDay(stored.asOf);
    return {
      snapshot,
      asOfDay,
      clv: this.#clv.predict(snapshot, asOfDay, null),
      columns: tierColumns(stored, model.definition),
    };
  }

  #storeSnapshotWhenQuiet(): void {
    if (this.#stopped) return;
    clearTimeout(this.#snapshotTimer);
    this.#snapshotTimer = setTimeout(() => {
      void navigator.locks
        .request(SCORE_LOCK, () => this.#storeSnapshot())
        .catch((error: unknown) => this.#report({ phase: 'error', error: String(error) }));
    }, SNAPSHOT_QUIET_MS);
  }

  async #storeSnapshot(): Promise<void> {
    clearTimeout(this.#snapshotTimer);
    const snapshot = this.#snapshot;
    const seq = this.#seq;
    // Another tab may have stored a newer one meanwhile; never go back.
    if (snapshot === null || seq <= (await snapshotSeq(this.#db))) return;
    await saveSnapshot(this.#db, snapshot, seq, new Date());
    this.#storedSeq = seq;
  }

  #report(change: Partial<ScoringStatus>): void {
    this.#status = { ...this.#status, ...change };
    for (const listener of this.#listeners) listener(this.#status);
  }
}

function scoresKey(record: ScoresRecord | undefined): ScoresKey | null {
  if (record === undefined) return null;
  const { seq, asOf, modelId, modelUpdatedAt, engineVersion } = record;
  return { seq, asOf, modelId, modelUpdatedAt, engineVersion, clients: record.clientIds.length };
}

function sameKey(a: ScoresKey, b: ScoresKey): boolean {
  return (
    a.seq === b.seq &&
    a.asOf === b.asOf &&
    a.modelId === b.modelId &&
    a.modelUpdatedAt === b.modelUpdatedAt &&
    a.engineVersion === b.engineVersion &&
    a.clients === b.clients
  );
}
