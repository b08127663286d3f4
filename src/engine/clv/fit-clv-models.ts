import type { BgNbdParams } from './bg-nbd-likelihood';
import { fitPurchaseModel, type PurchaseModelFit, type PurchaseModelKind } from './purchase-model';
import { fitGammaGammaColumns, type GammaGammaFit, type GammaGammaParams } from './gamma-gamma';
import type { RfmColumns, RfmRow } from './rfm-summary';
import { DAYS_PER_UNIT, DAYS_PER_YEAR, type TimeUnit } from './units';

export const TRUST_LEVELS = ['high', 'medium', 'low'] as const;
export type TrustLevel = (typeof TRUST_LEVELS)[number];

/** Why the trust level is what it is: the first of these that applies. */
export const TRUST_REASONS = [
  /** No client has bought: every number is the prior's. */
  'no-buyers',
  /** Fewer than `MIN_CLIENTS` buyers. */
  'few-clients',
  /** Fewer than `MIN_REPEAT_BUYERS` clients who bought again. */
  'few-repeat-buyers',
  /** A fit stopped before reaching its optimum. */
  'not-converged',
  /** Spend too skewed for a finite mean: the spend prior is used instead. */
  'heavy-tailed-spend',
  /** Usable, but fewer than `CONFIDENT_CLIENTS` buyers or `CONFIDENT_REPEAT_BUYERS` repeat buyers. */
  'moderate-data',
  'enough-data',
  /** Tested on the base's own history (`backtestClv`): the level is the test's, or lower. */
  'tested',
  /** Enough data, but too short a history to hold a period back and test: medium at most. */
  'untested',
] as const;
export type TrustReason = (typeof TRUST_REASONS)[number];

export interface ClvTrust {
  level: TrustLevel;
  reason: TrustReason;
}

/** Below these counts the models mostly repeat their priors: trust `low`. */
export const MIN_CLIENTS = 30;
export const MIN_REPEAT_BUYERS = 10;
/** From these counts on (and with both fits converged) trust is `high`. */
export const CONFIDENT_CLIENTS = 300;
export const CONFIDENT_REPEAT_BUYERS = 100;

/**
 * Default spread of the priors: one standard deviation on the log of each parameter
 * (a factor of e ≈ 2.7 either way). Each prior weighs as much as about one client's
 * worth of data, so it dominates eight clients and vanishes in thousands.
 */
export const DEFAULT_PRIOR_SD = 1;

/**
 * Prior centres where the data say nothing. BG/NBD: r = 1 (purchase rates vary about as
 * much as an exponential), a = 1, b = 3 (a 25 % mean chance of dropping out after each
 * purchase); α comes from the data's purchase rate. Gamma-Gamma: p = 4 (a client's
 * purchases vary by about 50 % around their mean), q = 4 (client means vary by about
 * 70 %); v comes from the data's mean spend.
 */
const PRIOR_R = 1;
const PRIOR_A = 1;
const PRIOR_B = 3;
const PRIOR_P = 4;
const PRIOR_Q = 4;

/**
 * A population mean spend this many times the observed mean means the fitted spread of
 * spend is too wide to trust (q barely above 1).
 */
const MAX_MEAN_RATIO = 10;

export interface ClvModels {
  /** Time unit of the rows, of α and of every horizon given to the predictions. */
  unit: TimeUnit;
  /** The purchase process: MBG/NBD by default, or BG/NBD. */
  purchases: PurchaseModelFit;
  gammaGamma: GammaGammaFit;
  trust: ClvTrust;
  /** Clients with at least one purchase. */
  clients: number;
  /** Of them, clients with a repeat purchase. */
  repeatBuyers: number;
}

export interface ClvFitOptions {
  /** Time unit the rows are in. */
  unit: TimeUnit;
  /** Standard deviation of the log-normal priors (see `DEFAULT_PRIOR_SD`). */
  priorSd?: number;
  /** The purchase model. Default `mbgnbd`. */
  purchaseModel?: PurchaseModelKind;
}

/** A history for `fitClvModels`; `firstValue` (value of the first purchase day) is optional. */
export interface ClvRow extends RfmRow {
  firstValue?: number;
}

/**
 * The whole lifetime-value fit: the purchase model (MBG/NBD unless told BG/NBD) on every
 * buyer, Gamma-Gamma on the repeat buyers,
 * both as MAP fits under weak priors (see `PRIOR_*`) so that a handful of clients gives
 * sane, prior-like numbers and a large base gives the plain maximum-likelihood ones, and
 * a trust level saying which of the two the numbers are closer to.
 *
 * The purchase model's prior's α makes r / α (the mean purchase rate of active clients) equal the
 * observed repeat rate with one extra purchase and one extra client-year:
 * (Σ x + 1) / (Σ T + 1 year). The Gamma-Gamma prior's v makes the mean spend
 * p v / (q − 1) equal the observed mean value of a repeat purchase (or, with no repeat
 * buyer, of a first purchase). With no spend recorded at all, v = 0 and every expected
 * value is 0. Where the Gamma-Gamma parameters are the prior's rather than fitted (no
 * repeat buyer with spend, or heavy-tailed spend), its `logLikelihood` is 0 and
 * `converged` false.
 *
 * Clients with NaN frequency (no purchase) are ignored.
 */
export function fitClvModels(
  rows: RfmColumns | readonly ClvRow[],
  options: ClvFitOptions,
): ClvModels {
  const columns = 'length' in rows ? toColumns(rows) : rows;
  const sd = options.priorSd ?? DEFAULT_PRIOR_SD;
  const stats = baseStatistics(columns);
  const year = DAYS_PER_YEAR / DAYS_PER_UNIT[options.unit];
  const rate = (stats.repeatPurchases + 1) / (stats.exposure + year);
  const purchasePrior: BgNbdParams = { r: PRIOR_R, alpha: PRIOR_R / rate, a: PRIOR_A, b: PRIOR_B };
  const purchases = fitPurchaseModel(options.purchaseModel ?? 'mbgnbd', columns, {
    prior: { center: purchasePrior, sd },
  });

  const spendPrior: GammaGammaParams = {
    p: PRIOR_P,
    q: PRIOR_Q,
    v: (stats.meanSpend * (PRIOR_Q - 1)) / PRIOR_P,
  };
  const fitted: GammaGammaFit =
    stats.meanSpend > 0
      ? fitGammaGammaColumns(columns, { prior: { center: spendPrior, sd } })
      : { ...spendPrior, logLikelihood: 0, converged: false };
  const populationMean = (fitted.p * fitted.v) / (fitted.q - 1);
  const heavyTailed =
    stats.spenders > 0 && !(fitted.q > 1 && populationMean <= MAX_MEAN_RATIO * stats.meanSpend);
  const gammaGamma = heavyTailed ? { ...spendPrior, logLikelihood: 0, converged: false } : fitted;
  const converged = purchases.converged && (stats.spenders === 0 || fitted.converged);

  return {
    unit: options.unit,
    purchases,
    gammaGamma,
    trust: trust(stats, converged, heavyTailed),
    clients: stats.clients,
    repeatBuyers: stats.repeatBuyers,
  };
}

interface BaseStatistics {
  clients: number;
  repeatBuyers: number;
  /** Repeat buyers with a positive mean spend: the Gamma-Gamma's data. */
  spenders: number;
  repeatPurchases: number;
  /** Σ T. */
  exposure: number;
  /** Mean value of a repeat purchase, else of a first purchase, else 0. */
  meanSpend: number;
}

function baseStatistics(columns: RfmColumns): BaseStatistics {
  let clients = 0;
  let repeatBuyers = 0;
  let spenders = 0;
  let repeatPurchases = 0;
  let spendPurchases = 0;
  const ages: number[] = [];
  const repeatSpend: number[] = [];
  const firstSpend: number[] = [];
  for (let i = 0; i < columns.frequency.length; i += 1) {
    const x = columns.frequency[i]!;
    if (Number.isNaN(x)) continue;
    clients += 1;
    ages.push(columns.T[i]!);
    repeatPurchases += x;
    const first = columns.firstValue[i]!;
    if (first > 0) firstSpend.push(first);
    if (x > 0) repeatBuyers += 1;
    const m = columns.monetary[i]!;
    if (x > 0 && m > 0) {
      spenders += 1;
      repeatSpend.push(x * m);
      spendPurchases += x;
    }
  }
  const meanSpend =
    spendPurchases > 0
      ? orderedSum(repeatSpend) / spendPurchases
      : firstSpend.length > 0
        ? orderedSum(firstSpend) / firstSpend.length
        : 0;
  return {
    clients,
    repeatBuyers,
    spenders,
    repeatPurchases,
    exposure: orderedSum(ages),
    meanSpend,
  };
}

/**
 * Σ values, added smallest first: the same total whatever order the clients came in
 * (floating-point addition is not associative), so the priors, and with them the fits,
 * do not depend on it.
 */
function orderedSum(values: number[]): number {
  return Float64Array.from(values)
    .sort()
    .reduce((sum, v) => sum + v, 0);
}

function trust(stats: BaseStatistics, converged: boolean, heavyTailed: boolean): ClvTrust {
  const low = (reason: TrustReason): ClvTrust => ({ level: 'low', reason });
  if (stats.clients === 0) return low('no-buyers');
  if (stats.clients < MIN_CLIENTS) return low('few-clients');
  if (stats.repeatBuyers < MIN_REPEAT_BUYERS) return low('few-repeat-buyers');
  if (!converged) return low('not-converged');
  if (heavyTailed) return low('heavy-tailed-spend');
  if (stats.clients < CONFIDENT_CLIENTS || stats.repeatBuyers < CONFIDENT_REPEAT_BUYERS) {
    return { level: 'medium', reason: 'moderate-data' };
  }
  return { level: 'high', reason: 'enough-data' };
}

/** Rows to columns; a missing `firstValue` is NaN (unknown); nothing was refunded. */
export function toColumns(rows: readonly ClvRow[]): RfmColumns {
  return {
    frequency: Float64Array.from(rows, (row) => row.frequency),
    recency: Float64Array.from(rows, (row) => row.recency),
    T: Float64Array.from(rows, (row) => row.T),
    monetary: Float64Array.from(rows, (row) => row.monetary),
    firstValue: Float64Array.from(rows, (row) => row.firstValue ?? NaN),
    kept: new Float64Array(rows.length).fill(1),
  };
}
