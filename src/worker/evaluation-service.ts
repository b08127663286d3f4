import {
  ENGINE_VERSION,
  hasOpenSeriousComplaint,
  type Evaluation,
  type Snapshot,
} from '$engine/index';
import type { TierwiseDb } from '$db/database';
import { latestEvaluation, type StoredEvaluation } from '$db/evaluation-store';
import { readActiveModel } from '$db/model-repository';
import { readSettings } from '$db/settings-repository';
import type { ScoresRecord } from '$db/derived-records';
import { readScoresStamp } from '$db/snapshot-store';
import { localDate, toEpochDay } from '$lib/dates';
import { DEFAULT_EVALUATION_PERIOD, evaluationDue } from './evaluation-due';
import { evaluationFromScores } from './evaluation-from-scores';
import { readEvaluation, saveEvaluation } from './evaluation-codec';

/** What the evaluator needs of the scorer. */
export interface CurrentScores {
  /** Resolves once the stored scores are current. */
  settled(): Promise<void>;
  /** The scores record saved at `computedAt` (kept in memory by the scorer; null if refused). */
  scores(computedAt: string): Promise<ScoresRecord | null>;
  /** The records the scores were made from, for the complaints that hold upgrades. */
  currentSnapshot?(): Promise<Snapshot | null>;
}

/** One evaluator at a time across every tab of the workspace. */
const EVALUATE_LOCK = 'tierwise:evaluate';

export type EvaluationOutcome =
  | { taken: true; evaluation: StoredEvaluation; durationMs: number }
  | { taken: false; reason: 'notDue' | 'noScores' | 'noClients' };

/**
 * Takes evaluations (docs/scoring.md, "Evaluations"): on demand, and when the app opens
 * and the period has passed. Always from current scores (it waits for the scorer to
 * settle), under a lock shared by every tab, checking again inside it — so two tabs opened
 * together take one evaluation, not two.
 */
export class EvaluationService {
  readonly #db: TierwiseDb;
  readonly #scoring: CurrentScores;

  constructor(db: TierwiseDb, scoring: CurrentScores) {
    this.#db = db;
    this.#scoring = scoring;
  }

  /**
   * Takes an evaluation now ("Evaluate now").
   * @param now the user's clock (the page's: it is the one the user sees)
   */
  async evaluateNow(now: Date, label = ''): Promise<EvaluationOutcome> {
    return this.#take(now, 'manual', label);
  }

  /** Takes an evaluation when the configured period has passed since the last one. */
  async evaluateIfDue(now: Date): Promise<EvaluationOutcome> {
    return this.#take(now, 'scheduled', '');
  }

  async #take(
    now: Date,
    trigger: Evaluation['trigger'],
    label: string,
  ): Promise<EvaluationOutcome> {
    await this.#scoring.settled();
    return navigator.locks.request(EVALUATE_LOCK, async (): Promise<EvaluationOutcome> => {
      const db = this.#db;
      const started = performance.now();
      const [latest, settings] = await Promise.all([latestEvaluation(db), readSettings(db)]);
      if (trigger === 'scheduled') {
        const period = settings.evaluationPeriod ?? DEFAULT_EVALUATION_PERIOD;
        const lastDay = latest ? localDate(new Date(latest.takenAt)) : undefined;
        if (!evaluationDue(period, lastDay, localDate(now)))
          return { taken: false, reason: 'notDue' };
      }
      // The scorer's own copy when it is the stored one: megabytes not read again.
      const stamp = await readScoresStamp(db);
      const scores = stamp ? await this.#scoring.scores(stamp.computedAt) : null;
      if (!scores || scores.engineVersion !== ENGINE_VERSION) {
        return { taken: false, reason: 'noScores' };
      }
      if (!scores.scored.some(Boolean)) return { taken: false, reason: 'noClients' };
      const model = await readActiveModel(db);
      const held = await this.#upgradesHeld(scores.asOf);
      // The previous evaluation matters only to hold tiers: by the hysteresis margin, and
      // for clients with an open serious complaint.
      const holds = (model.definition.tiers.hysteresisPoints ?? 0) > 0 || held.size > 0;
      const previous = holds && latest ? await readEvaluation(db, latest.id) : undefined;
      const evaluation = evaluationFromScores(
        scores,
        model,
        previous,
        {
          id: crypto.randomUUID(),
          takenAt: now.toISOString(),
          trigger,
          label,
        },
        held,
      );
      const stored = await saveEvaluation(db, evaluation, now);
      return { taken: true, evaluation: stored, durationMs: performance.now() - started };
    });
  }

  /** Clients with a serious complaint open on the as-of day: no upgrade for them. */
  async #upgradesHeld(asOf: string): Promise<Set<string>> {
    const held = new Set<string>();
    const snapshot = await this.#scoring.currentSnapshot?.();
    if (!snapshot) return held;
    const day = toEpochDay(asOf);
    snapshot.clients.ids.forEach((id, c) => {
      if (hasOpenSeriousComplaint(snapshot, c, day)) held.add(id);
    });
    return held;
  }
}
