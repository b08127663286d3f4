import { liveQuery } from 'dexie';
import { ENGINE_VERSION, type Snapshot } from '$engine/index';
import type { TierwiseDb } from '$db/database';
import type { ScoresRecord } from '$db/derived-records';
import { readActiveModel } from '$db/model-repository';
import { readSettings } from '$db/settings-repository';
import { readChanges, readScores, snapshotSeq } from '$db/snapshot-store';
import type { ClientId } from '$schema/common';
import { scoringDefinitionSchema, type ScoringDefinition } from '$schema/scoring-model';
import { ClientDirectory } from './client-directory';
import { webLockEditors, type Editors } from './editor-lock';
import { previewRun, type ModelPreview } from './model-preview';
import { RunScheduler } from './run-scheduler';
import { withScoreLock } from './score-lock';
import { readAsOf, Scorer } from './scorer';
import { ScoringStatusBoard, type ScoringStatus } from './scoring-status';
import { SnapshotKeeper } from './snapshot-keeper';
import type { StoreScores } from './scores-saver';

// The status types live with the status board; the page and the worker entry import
// them from here, the service they talk to.
export type { ScoringPhase, ScoringStatus } from './scoring-status';

/**
 * Keeps the scores up to date, rescoring after every change to the data or the model:
 * the keeper folds the change log into the snapshot, the scorer scores it (or sees that
 * the stored scores already match), the scheduler coalesces bursts and runs one at a
 * time. One tab's worker scores at a time (Web Lock); another tab's worker catches up
 * from the stored snapshot and the change log.
 */
export class ScoringService {
  readonly #db: TierwiseDb;
  readonly #directory: ClientDirectory;
  readonly #status = new ScoringStatusBoard();
  readonly #keeper: SnapshotKeeper;
  readonly #scorer: Scorer;
  readonly #scheduler: RunScheduler;
  /** The newest scores record this worker made or read. */
  #latest: ScoresRecord | null = null;
  /** The stored scores being read, once for everyone asking meanwhile. */
  #reading: Promise<ScoresRecord | undefined> | null = null;
  /** `prepareForEdits` was asked: the next run loads what edits need, scoring or not. */
  #warmWanted = false;
  #prepared = false;
  /** A caller of `settled` waits for current scores: the next run scores, whoever edits. */
  #mustScore = false;
  readonly #editors: Editors;
  #watching: { unsubscribe(): void } | undefined;

  /**
   * `storeScores` (how scores are saved) defaults to saving them on this thread; `editors`
   * (which tabs edit) to a Web Lock.
   */
  constructor(db: TierwiseDb, options: { storeScores?: StoreScores; editors?: Editors } = {}) {
    this.#db = db;
    this.#editors = options.editors ?? webLockEditors();
    this.#directory = new ClientDirectory(db);
    const report = this.#status.report;
    this.#keeper = new SnapshotKeeper(db, {
      directory: this.#directory,
      report,
      withLock: withScoreLock,
    });
    this.#scorer = new Scorer(db, report, {
      onScored: (record, stamp) => {
        // Held before the page hears of them: its questions are answered from memory.
        this.#latest = record;
        report({ stamp });
      },
      ...(options.storeScores ? { store: options.storeScores } : {}),
    });
    this.#scheduler = new RunScheduler(() => this.#runOnce(), { report, withLock: withScoreLock });
  }

  /** The clients' names, companies, emails and tags, for the list. */
  get directory(): ClientDirectory {
    return this.#directory;
  }

  /**
   * The current scores record: the newest this worker made or read, unless the page has
   * seen newer ones (`computedAt`), which another tab made: then the stored ones are read.
   * Never older ones: this worker's newest may not be saved yet. Scores made by another
   * engine version (stored before an update) are refused: every view then waits for the
   * rescore the new engine starts, rather than mixing formulas.
   */
  async scores(computedAt: string): Promise<ScoresRecord | null> {
    if (this.#latest === null || this.#latest.computedAt < computedAt) {
      this.#reading ??= readScores(this.#db).finally(() => (this.#reading = null));
      const stored = await this.#reading;
      if (stored && (this.#latest === null || stored.computedAt > this.#latest.computedAt)) {
        this.#latest = stored;
      }
    }
    return this.#latest?.engineVersion === ENGINE_VERSION ? this.#latest : null;
  }

  /**
   * The snapshot the scores were made from (or newer, by changes not scored yet): the one
   * in memory, else the stored one with the changes logged since (when no run has loaded
   * it yet); null without data.
   */
  currentSnapshot(): Promise<Snapshot | null> {
    return this.#keeper.currentOrStored();
  }

  /** Starts watching the change log, the model, the snapshot and the evaluation date. */
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
      next: () => {
        this.schedule();
      },
      error: (error: unknown) => this.#status.report({ phase: 'error', error: String(error) }),
    });
  }

  /**
   * Stops for good: the database is being swapped out (docs/storage.md), and a run now
   * would only meet a closed connection. `settled()` rejects from now on.
   */
  stop(): void {
    this.#watching?.unsubscribe();
    this.#scheduler.stop();
    this.#keeper.stop();
  }

  /**
   * Takes a snapshot just stored with `seq` (the writer built it from the rows it wrote),
   * so the next run scores it without reading it back.
   */
  adopt(snapshot: Snapshot, seq: number): void {
    this.#keeper.adopt(snapshot, seq);
    this.schedule();
  }

  watch(listener: (status: ScoringStatus) => void): void {
    this.#status.watch(listener);
  }

  schedule(): void {
    this.#scheduler.schedule();
  }

  /**
   * Resolves once no run is due or running and the stored scores match the data and model
   * (after a run if one was needed).
   *
   * Asks for a run (or joins one already due) and resolves when a run that began after the
   * call has ended with none due after it: every write made before the call is then scored,
   * or was already (that run then changes nothing). Rejects with the run's error when it
   * fails with none due after it, and with `ScoringStoppedError` when the service is
   * stopped, before or while waiting: the database is going away, no scores will come.
   */
  settled(): Promise<void> {
    this.#mustScore = true;
    return this.#scheduler.settled();
  }

  /**
   * The page is about to edit (a client's file is open): loads the snapshot and fits the
   * lifetime-value models now, unless done already, so that the first edit redoes only
   * its client. A tab that only lists never loads them (every tab's worker would
   * otherwise load tens of megabytes it does not need).
   */
  async prepareForEdits(): Promise<void> {
    if (this.#prepared) return;
    this.#prepared = true;
    this.#warmWanted = true;
    this.#editors.join();
    // A run does it, so the status says what is happening and ends idle. A failure is
    // reported in the status; a stop means there is nothing to prepare for.
    await this.#scheduler.settled().catch(() => undefined);
  }

  /**
   * One run: fold the change log into the snapshot, score it, store it now or later.
   * When no snapshot is loaded and the stored scores are current (at start, or in a tab
   * whose worker another tab's scored for), nothing is loaded: the scores are there. Once
   * `prepareForEdits` asked, the snapshot is loaded and the models fitted even when
   * nothing needs scoring.
   */
  async #runOnce(): Promise<void> {
    const started = performance.now();
    const asOf = await readAsOf(this.#db, new Date());
    const warm = this.#warmWanted;
    this.#warmWanted = false;
    const mustScore = this.#mustScore;
    this.#mustScore = false;
    if (!warm && this.#keeper.current() === null && (await this.#leavesScoring(asOf, mustScore))) {
      // Another tab scored the changes, or will; names and tags for search follow them here.
      await this.#directory.follow(await readChanges(this.#db), await snapshotSeq(this.#db));
      return;
    }
    const fold = await this.#keeper.catchUp();
    const saved = await this.#scorer.score({ ...fold, asOf, started });
    if (saved !== null) this.#latest = saved;
    else if (warm) await this.#scorer.warm(fold.snapshot, asOf);
    await this.#keeper.persist(fold.rebuilt);
  }

  /**
   * Whether this run, in a tab with nothing loaded, leaves the scoring to others: the
   * stored scores are current, or a tab that edits will make them (see `Editors`) — unless
   * a caller waits for current scores (`settled`), or this tab edits too.
   */
  async #leavesScoring(asOf: string, mustScore: boolean): Promise<boolean> {
    if (await this.#scorer.storedAreCurrent(asOf)) return true;
    return !mustScore && !this.#prepared && (await this.#editors.elsewhere());
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
    const last = await this.#scorer.lastRun(this.#keeper.current());
    if (last === null) return null;
    const preview = previewRun(last, definition);
    // Scores hold the ids of stored clients, which are ClientIds.
    const ids = preview.movers.map((m) => m.id) as ClientId[];
    const clients = await this.#db.clients.bulkGet(ids);
    preview.movers.forEach((mover, i) => (mover.name = clients[i]?.name ?? mover.id));
    return preview;
  }
}
