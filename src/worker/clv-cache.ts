import {
  computeClv,
  updateClvScores,
  type ClvBacktest,
  type ClvModels,
  type ClvScores,
  type Snapshot,
} from '$engine/index';

/**
 * Refit the models when more than this share of the clients has changed since the last
 * fit. Below it, one client's edit cannot move population parameters fitted on the
 * rest, so only the changed clients are predicted again (milliseconds instead of the
 * few hundred a full run takes at 50,000 clients).
 */
const REFIT_SHARE = 0.02;
/** Bases this small are refitted on every change: a fit takes a few milliseconds. */
const ALWAYS_REFIT_BELOW = 1_000;

/** The lifetime-value predictions, in snapshot order, with the models behind them. */
export interface ClvPredictions {
  models: ClvModels;
  scores: ClvScores;
  /** The models tested on the base's own history (null: too short to test). */
  backtest: ClvBacktest | null;
}

interface Fitted extends ClvPredictions {
  asOfDay: number;
  ids: readonly string[];
  /** Clients changed since the fit. */
  changed: number;
}

/**
 * Keeps the lifetime-value models and every client's predictions between scoring runs.
 * Purchases count as in the scoring measures: positive amounts only (docs/clv.md).
 */
export class ClvCache {
  #fitted: Fitted | null = null;

  /**
   * Predictions for every client of `snapshot` as of `asOfDay`. `changedIds` are the
   * clients whose records changed since the previous call (null: anything may have).
   */
  predict(
    snapshot: Snapshot,
    asOfDay: number,
    changedIds: ReadonlySet<string> | null,
  ): ClvPredictions {
    const ids = snapshot.clients.ids;
    const previous = this.#fitted;
    const changed = (previous?.changed ?? 0) + (changedIds?.size ?? 0);
    if (
      previous === null ||
      changedIds === null ||
      previous.asOfDay !== asOfDay ||
      ids.length < ALWAYS_REFIT_BELOW ||
      changed > REFIT_SHARE * ids.length
    ) {
      const run = computeClv(snapshot.transactions, { asOfDay, purchases: 'positive' });
      const { models, scores, backtest } = run;
      this.#fitted = { asOfDay, ids, models, scores, backtest, changed: 0 };
      return this.#fitted;
    }
    const scores = updateClvScores(previous, ids, snapshot.transactions, {
      asOfDay,
      changedIds,
    });
    this.#fitted = { ...previous, ids, scores, changed };
    return this.#fitted;
  }
}
