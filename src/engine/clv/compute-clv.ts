import { backtestClv, type ClvBacktest } from './backtest';
import { TRUST_LEVELS, fitClvModels, type ClvModels, type ClvTrust } from './fit-clv-models';
import {
  rfmColumns,
  type GroupedTransactions,
  type PurchaseRule,
  type RfmColumns,
} from './rfm-summary';
import { scoreClv, type ClvScores } from './score-clv';
import type { TimeUnit } from './units';

export interface ComputeClvOptions {
  /** Epoch day of the as-of date: later transactions are ignored. */
  asOfDay: number;
  /** Model time unit. Default 'week'. The predictions do not depend on it. */
  unit?: TimeUnit;
  /** See `PurchaseRule`. Default 'nonNegative'. */
  purchases?: PurchaseRule;
  /** Yearly discount rate of `clv12m`. Default 0.1. */
  annualDiscountRate?: number;
  /** See `fitClvModels`. */
  priorSd?: number;
  /** Test the models on the base's own history (`backtestClv`). Default true. */
  backtest?: boolean;
}

export interface ClvRun {
  /** Each client's purchase history (NaN for clients with no purchase yet). */
  summary: RfmColumns;
  /** The fits, with a trust level that takes the backtest into account. */
  models: ClvModels;
  scores: ClvScores;
  /** The models tested on the base's own history; null when it is too short. */
  backtest: ClvBacktest | null;
}

/**
 * Lifetime value and churn prediction for a whole client base in one call: purchase
 * summaries (`rfmColumns`), the fits (`fitClvModels`), every client's predictions
 * (`scoreClv`), all in client order, and the models' test on the base's own history
 * (`backtestClv`), which sets how far they are to be trusted. This is what the scoring worker
 * and the benchmark run; for 50,000 clients and a million transactions it takes a few
 * hundred milliseconds, most of it in the predictions.
 */
export function computeClv(transactions: GroupedTransactions, options: ComputeClvOptions): ClvRun {
  const unit = options.unit ?? 'week';
  const summary = rfmColumns(transactions, {
    asOfDay: options.asOfDay,
    unit,
    purchases: options.purchases,
  });
  const fitted = fitClvModels(summary, { unit, priorSd: options.priorSd });
  const scores = scoreClv(fitted, summary, { annualDiscountRate: options.annualDiscountRate });
  const backtest =
    options.backtest === false
      ? null
      : backtestClv(transactions, { asOfDay: options.asOfDay, unit, purchases: options.purchases });
  const models = { ...fitted, trust: combinedTrust(fitted.trust, backtest) };
  return { summary, models, scores, backtest };
}

/**
 * The trust level of the counts, lowered to the backtest's when it is lower; without a
 * test (too short a history), at most medium: the models have not shown what they can do.
 */
export function combinedTrust(counted: ClvTrust, test: ClvBacktest | null): ClvTrust {
  const rank = (level: ClvTrust['level']): number => TRUST_LEVELS.indexOf(level);
  if (test === null) {
    return counted.level === 'high' ? { level: 'medium', reason: 'untested' } : counted;
  }
  if (rank(test.level) >= rank(counted.level)) return { level: test.level, reason: 'tested' };
  return counted;
}
