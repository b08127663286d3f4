import type { ClvModels } from './fit-clv-models';
import { rfmColumns, type GroupedTransactions } from './rfm-summary';
import { scoreClv, type ClvScores } from './score-clv';
import { clientIndex } from '$engine/snapshot-merge';

/** Predictions made earlier: for which clients (sorted by id), with which models. */
export interface PreviousClv {
  ids: readonly string[];
  models: ClvModels;
  scores: ClvScores;
}

const SCORE_KEYS = ['pActive', 'expectedPurchases90d', 'expectedValue', 'clv12m'] as const;

/**
 * The predictions for a client base that changed a little since `previous`, without
 * refitting: the models stay, the clients in `changedIds` and the new ones are predicted
 * again, the others keep their numbers. `ids` (sorted, like snapshot clients) and
 * `transactions` describe the base now. Equal to `scoreClv(previous.models, …)` over
 * everyone, at the cost of the changed clients only.
 */
export function updateClvScores(
  previous: PreviousClv,
  ids: readonly string[],
  transactions: GroupedTransactions,
  options: { asOfDay: number; changedIds: ReadonlySet<string> },
): ClvScores {
  const n = ids.length;
  const scores: ClvScores = {
    pActive: new Float64Array(n),
    expectedPurchases90d: new Float64Array(n),
    expectedValue: new Float64Array(n),
    clv12m: new Float64Array(n),
  };
  const stale =
    previous.ids === ids
      ? keepInPlace(previous, scores, ids, options.changedIds)
      : keepByMerge(previous, scores, ids, options.changedIds);
  if (stale.length === 0) return scores;
  // Only the stale clients' rows are summarised: the base's million rows are not read.
  const summary = rfmColumns(rowsOf(transactions, stale), {
    asOfDay: options.asOfDay,
    unit: previous.models.unit,
    purchases: 'positive',
  });
  const fresh = scoreClv(previous.models, summary);
  stale.forEach((c, k) => {
    for (const key of SCORE_KEYS) scores[key][c] = fresh[key][k]!;
  });
  return scores;
}

/**
 * The same clients in the same places (an edit that kept every client, patched in place):
 * whole columns are copied and the changed clients found by binary search.
 * @returns the places to predict again, ascending
 */
function keepInPlace(
  previous: PreviousClv,
  scores: ClvScores,
  ids: readonly string[],
  changedIds: ReadonlySet<string>,
): number[] {
  for (const key of SCORE_KEYS) scores[key].set(previous.scores[key]);
  const stale: number[] = [];
  for (const id of changedIds) {
    const c = clientIndex(ids, id);
    if (c >= 0) stale.push(c);
  }
  return stale.sort((a, b) => a - b);
}

/**
 * Both id lists are sorted: one merge walk finds each client's previous place.
 * @returns the places of the clients changed or new, ascending
 */
function keepByMerge(
  previous: PreviousClv,
  scores: ClvScores,
  ids: readonly string[],
  changedIds: ReadonlySet<string>,
): number[] {
  const stale: number[] = [];
  let p = 0;
  for (let c = 0; c < ids.length; c += 1) {
    const id = ids[c]!;
    while (p < previous.ids.length && previous.ids[p]! < id) p += 1;
    if (p < previous.ids.length && previous.ids[p] === id && !changedIds.has(id)) {
      for (const key of SCORE_KEYS) scores[key][c] = previous.scores[key][p]!;
    } else {
      stale.push(c);
    }
  }
  return stale;
}

/** The transactions of some clients, grouped in the order given. */
function rowsOf(
  transactions: GroupedTransactions,
  clients: readonly number[],
): GroupedTransactions {
  const { offsets: o } = transactions;
  const offsets = [0];
  const day: number[] = [];
  const amount: number[] = [];
  for (const c of clients) {
    for (let i = o[c]!; i < o[c + 1]!; i += 1) {
      day.push(transactions.day[i]!);
      amount.push(transactions.amount[i]!);
    }
    offsets.push(day.length);
  }
  return { offsets, day, amount };
}
