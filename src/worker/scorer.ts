import {
  ENGINE_VERSION,
  SCORE_STAGES,
  scoreClients,
  transactionDays,
  type Snapshot,
} from '$engine/index';
import type { TierwiseDb } from '$db/database';
import { snapshotCounts, type ScoresRecord, type ScoresStamp } from '$db/derived-records';
import { readActiveModel } from '$db/model-repository';
import { readSettings } from '$db/settings-repository';
import {
  latestChangeSeq,
  readScores,
  readScoresStamp,
  saveScoresStamp,
  scoresStamp,
} from '$db/snapshot-store';
import { fromEpochDay, localDate, toEpochDay } from '$lib/dates';
import { evaluationDay } from '$schema/settings';
import { ClvCache } from './clv-cache';
import { saveScoresAndFirstRows } from './first-rows';
import { FeatureCache } from './feature-cache';
import { tierColumns, type LastRun } from './model-preview';
import { toScoresRecord } from './scores-record';
import type { ReportStatus } from './scoring-status';
import type { Fold } from './snapshot-keeper';
import type { StoreScores } from './scores-saver';

/** What the stored scores were made from, to skip a run that would change nothing. */
type ScoresKey = Pick<
  ScoresRecord,
  'seq' | 'asOf' | 'modelId' | 'modelUpdatedAt' | 'engineVersion'
> & { clients: number };

export interface ScorerOptions {
  /** Told of new scores as soon as they exist, before they are saved. */
  onScored?: (record: ScoresRecord, stamp: ScoresStamp) => void;
  /** Saves the scores with their stamp and first rows; by default on this thread (`saveScoresAndFirstRows`). */
  store?: StoreScores;
}

/** What a run hands the scorer: the caught-up snapshot and the day to score it as of. */
export interface ScoringInput extends Pick<Fold, 'snapshot' | 'seq' | 'changed'> {
  /** The as-of day, `YYYY-MM-DD` (see `readAsOf`). */
  asOf: string;
  /** `performance.now()` when the run began: its duration counts the catch-up too. */
  started: number;
}

/** The as-of day at `now`: today, unless the user fixed one (a history that ended in the past). */
export async function readAsOf(db: TierwiseDb, now: Date): Promise<string> {
  return evaluationDay(await readSettings(db), localDate(now));
}

/**
 * Scores a snapshot with the active model and saves the scores with their stamp, unless
 * the stored scores were made from the same data, day, model and engine. Keeps the
 * lifetime-value fit between runs and what the last run scored, for previews.
 */
export class Scorer {
  readonly #db: TierwiseDb;
  readonly #report: ReportStatus;
  /** Key of the stored scores; undefined until read once. */
  #scored: ScoresKey | null | undefined;
  readonly #clv = new ClvCache();
  readonly #features = new FeatureCache();
  /** Clients changed since the last fit; null: possibly all of them. */
  #changedIds: Set<string> | null = null;
  /** What the last run scored, and how, for previews of another model on the same data. */
  #lastRun: LastRun | null = null;

  readonly #onScored: NonNullable<ScorerOptions['onScored']>;
  readonly #store: StoreScores;

  constructor(db: TierwiseDb, report: ReportStatus, options: ScorerOptions = {}) {
    this.#db = db;
    this.#report = report;
    this.#onScored = options.onScored ?? (() => undefined);
    this.#store = options.store ?? ((record, counts) => saveScoresAndFirstRows(db, record, counts));
  }

  /**
   * Whether the stored scores were made from the data as it is now (the last change
   * logged), as of `asOf`, by the active model and this engine: a run would change
   * nothing. Read from the stamp, so a worker starting on current scores loads neither
   * the scores nor the snapshot (tens of megabytes at scale) to learn it.
   */
  async storedAreCurrent(asOf: string): Promise<boolean> {
    const db = this.#db;
    const [stamp, model, seq] = await Promise.all([
      readScoresStamp(db),
      readActiveModel(db),
      latestChangeSeq(db),
    ]);
    return (
      stamp?.engineVersion === ENGINE_VERSION &&
      stamp.seq === seq &&
      stamp.asOf === asOf &&
      stamp.modelId === model.id &&
      stamp.modelUpdatedAt === model.updatedAt
    );
  }

  /**
   * Fits the lifetime-value models, measures and scores every client of `snapshot` ahead
   * of the first change, so that the first edit after a start only redoes its own clients.
   */
  async warm(snapshot: Snapshot, asOf: string): Promise<void> {
    if (this.#changedIds !== null && this.#features.ready) return; // a run has done it
    const model = await readActiveModel(this.#db);
    const asOfDay = toEpochDay(asOf);
    const clv = this.#clv.predict(snapshot, asOfDay, null);
    const features = this.#features.measure(
      snapshot,
      { asOfDay, definition: model.definition, clv12m: clv.scores.clv12m },
      null,
    );
    this.#changedIds = new Set();
    // Scored once too, though the stored scores stand: the first edit's run then finds the
    // scoring code compiled (its first run takes twice as long), and previews have a run.
    const result = scoreClients(snapshot, model.definition, {
      asOfDay,
      pActive: clv.scores.pActive,
      clv12m: clv.scores.clv12m,
      features,
    });
    this.#lastRun ??= { snapshot, asOfDay, clv, columns: tierColumns(result, model.definition) };
  }

  /**
   * Scores `input` unless the stored scores already match it.
   * @returns the scores saved, or null when the stored ones were kept
   */
  async score(input: ScoringInput): Promise<ScoresRecord | null> {
    const db = this.#db;
    const { snapshot, seq, asOf, started } = input;
    if (input.changed === null) this.#changedIds = null;
    else for (const id of input.changed) this.#changedIds?.add(id);
    const model = await readActiveModel(db);
    const key: ScoresKey = {
      seq,
      asOf,
      modelId: model.id,
      modelUpdatedAt: model.updatedAt,
      engineVersion: ENGINE_VERSION,
      clients: snapshot.clients.ids.length,
    };
    if (this.#scored && sameKey(this.#scored, key)) return null;
    // Another tab's worker may have scored this very data meanwhile (each tab's worker
    // runs on every change, one at a time): its scores are stored, and shown from there.
    this.#scored = await this.#storedKey(key, snapshot);
    if (this.#scored !== null && sameKey(this.#scored, key)) return null;

    const asOfDay = toEpochDay(asOf);
    const changed = this.#changedIds;
    const clv = this.#clv.predict(snapshot, asOfDay, changed);
    const features = this.#features.measure(
      snapshot,
      { asOfDay, definition: model.definition, clv12m: clv.scores.clv12m },
      changed,
    );
    this.#changedIds = new Set();
    const result = scoreClients(snapshot, model.definition, {
      asOfDay,
      pActive: clv.scores.pActive,
      clv12m: clv.scores.clv12m,
      features,
      onStage: (stage) => {
        this.#report({
          phase: 'scoring',
          progress: SCORE_STAGES.indexOf(stage) / SCORE_STAGES.length,
        });
      },
    });
    this.#report({ phase: 'saving', progress: 1 });
    const durationMs = performance.now() - started;
    const latest = transactionDays(snapshot)?.last ?? null;
    const record = toScoresRecord(result, clv, model, {
      asOf,
      seq,
      durationMs,
      now: new Date(),
      ...(latest === null ? {} : { latestTransaction: fromEpochDay(latest) }),
    });
    const counts = snapshotCounts(snapshot);
    this.#onScored(record, scoresStamp(record, counts));
    await this.#store(record, counts);
    this.#scored = key;
    this.#lastRun = { snapshot, asOfDay, clv, columns: tierColumns(result, model.definition) };
    this.#report({
      clients: snapshot.clients.ids.length,
      lastRunMs: Math.round(performance.now() - started),
      error: null,
    });
    return record;
  }

  /**
   * What the last run scored, for a preview. Before this worker has scored (the stored
   * scores matched the data and the model at start), the stored scores on `snapshot`:
   * predictions are then fitted once on it. Null without scores or snapshot.
   */
  async lastRun(snapshot: Snapshot | null): Promise<LastRun | null> {
    if (this.#lastRun === null) {
      const stored = await this.#storedRun(snapshot);
      this.#lastRun ??= stored; // a run that ended meanwhile is newer: keep it
    }
    return this.#lastRun;
  }

  /**
   * The key of the stored scores: from their stamp, or from the scores themselves when
   * the stamp predates the key's fields (it is then saved again with them, when current).
   */
  async #storedKey(current: ScoresKey, snapshot: Snapshot): Promise<ScoresKey | null> {
    const db = this.#db;
    const stamp = await readScoresStamp(db);
    if (stamp?.engineVersion !== undefined && stamp.modelId !== undefined) {
      return {
        seq: stamp.seq,
        asOf: stamp.asOf,
        modelId: stamp.modelId,
        modelUpdatedAt: stamp.modelUpdatedAt ?? '',
        engineVersion: stamp.engineVersion,
        clients: stamp.counts.clients,
      };
    }
    const stored = await readScores(db);
    const key = scoresKey(stored);
    if (stored && key && sameKey(key, current)) {
      await saveScoresStamp(db, stored, snapshotCounts(snapshot));
    }
    return key;
  }

  async #storedRun(snapshot: Snapshot | null): Promise<LastRun | null> {
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
