import {
  bgNbdObjective,
  logLikelihoodAt,
  prepareBgNbdData,
  type BgNbdColumns,
  type BgNbdParams,
  type PurchaseLikelihood,
} from './bg-nbd-likelihood';
import { mbgLogLikelihoodAt } from './mbg-nbd-likelihood';
import { minimiseBfgs } from './minimise';

export interface BgNbdFit extends BgNbdParams {
  /** Log-likelihood of the rows at the estimates, in the rows' time unit, no penalty. */
  logLikelihood: number;
  /** True when the gradient of the objective vanished at the estimates. */
  converged: boolean;
  iterations: number;
}

/** A Gaussian prior on the log of each parameter, centred on `center`, sd `sd` (e.g. 1). */
export interface BgNbdPrior {
  center: BgNbdParams;
  sd: number;
}

export interface BgNbdFitOptions {
  /**
   * L2 penalty as in the `lifetimes` package: the fit minimises
   * −LL / N + penalizer · (r² + α² + a² + b²), with α taken in the rescaled time unit in
   * which the longest T is 10 (so the penalty does not depend on the unit). Default 0.
   */
  penalizer?: number;
  /** Adds Σ (ln θ − ln θ₀)² / (2 sd² N) to the objective (a MAP fit); fades as N grows. */
  prior?: BgNbdPrior;
  /** Starting point, in the rows' unit. Default: all parameters 1 in the rescaled unit. */
  initial?: BgNbdParams;
  maxIterations?: number;
}

/** After rescaling, the longest T is this long (as in `lifetimes`). */
const SCALED_LONGEST_T = 10;

/**
 * Maximum-likelihood (or, with a prior or penalty, penalised) BG/NBD fit on client
 * histories (see `RfmRow`). Identical rows are grouped; the log-likelihood is maximised
 * over the log-parameters by BFGS with its analytic gradient, in a time unit rescaled so
 * that the longest T is 10; α is then scaled back. Always finite: data that cannot pin a
 * parameter down (no repeat purchase anywhere, one client) leaves it at a bound of
 * e^±25 and `converged` may be false. Throws a RangeError on an impossible row
 * (negative or non-finite values, recency > T).
 */
export function fitBgNbd(
  rows: readonly { frequency: number; recency: number; T: number }[],
  options: BgNbdFitOptions = {},
): BgNbdFit {
  return fitBgNbdColumns(
    {
      frequency: rows.map((row) => row.frequency),
      recency: rows.map((row) => row.recency),
      T: rows.map((row) => row.T),
    },
    options,
  );
}

/** `fitBgNbd` on columns; rows with a NaN frequency (clients with no purchase) are skipped. */
export function fitBgNbdColumns(columns: BgNbdColumns, options: BgNbdFitOptions = {}): BgNbdFit {
  return fitPurchaseModel(columns, options, logLikelihoodAt);
}

/**
 * Maximum-likelihood (or penalised) MBG/NBD fit (see `mbgLogLikelihoodAt`), on the same
 * rows and with the same options and guarantees as `fitBgNbd`: the `ModifiedBetaGeoFitter`
 * of `lifetimes`, fitted to its optimum.
 */
export function fitMbgNbd(
  rows: readonly { frequency: number; recency: number; T: number }[],
  options: BgNbdFitOptions = {},
): BgNbdFit {
  return fitMbgNbdColumns(
    {
      frequency: rows.map((row) => row.frequency),
      recency: rows.map((row) => row.recency),
      T: rows.map((row) => row.T),
    },
    options,
  );
}

/** `fitMbgNbd` on columns; rows with a NaN frequency (clients with no purchase) are skipped. */
export function fitMbgNbdColumns(columns: BgNbdColumns, options: BgNbdFitOptions = {}): BgNbdFit {
  return fitPurchaseModel(columns, options, mbgLogLikelihoodAt);
}

/** The fit both models share: rescaled time, log-parameters, BFGS, α scaled back. */
function fitPurchaseModel(
  columns: BgNbdColumns,
  options: BgNbdFitOptions,
  likelihood: PurchaseLikelihood,
): BgNbdFit {
  const data = prepareBgNbdData(columns);
  const scale = data.longestT > 0 ? SCALED_LONGEST_T / data.longestT : 1;
  const toScaled = (p: BgNbdParams): Float64Array =>
    Float64Array.of(Math.log(p.r), Math.log(p.alpha * scale), Math.log(p.a), Math.log(p.b));
  const prior = options.prior
    ? { mean: toScaled(options.prior.center), sd: options.prior.sd }
    : undefined;
  const start = options.initial ? toScaled(options.initial) : (prior?.mean ?? new Float64Array(4));
  const fromScaled = (phi: Float64Array): BgNbdParams => ({
    r: Math.exp(phi[0]!),
    alpha: Math.exp(phi[1]!) / scale,
    a: Math.exp(phi[2]!),
    b: Math.exp(phi[3]!),
  });

  if (data.totalWeight === 0) {
    return { ...fromScaled(start), logLikelihood: 0, converged: false, iterations: 0 };
  }
  const scaled = { ...data, ages: data.ages.map((v) => v * scale) };
  const objective = bgNbdObjective(scaled, options.penalizer ?? 0, prior, likelihood);
  const result = minimiseBfgs(objective, start, { maxIterations: options.maxIterations });
  const params = fromScaled(result.x);
  // The likelihood of times scaled by s is that of the original times less x · ln s per row.
  const logLikelihood = likelihood(scaled, result.x) + data.weightedFrequency * Math.log(scale);
  return { ...params, logLikelihood, converged: result.converged, iterations: result.iterations };
}
