import { groupRows } from './group-rows';
import { minimiseBfgs, type Objective } from './minimise';
import { digamma, logGamma } from './special-functions';

/**
 * Gamma-Gamma spend parameters (Fader & Hardie, "The Gamma-Gamma Model of Monetary
 * Value"). Each purchase value of a client is Gamma(shape p, rate ν); ν varies across
 * clients as Gamma(shape q, rate v). v is in currency units, p and q have none. A client's
 * mean purchase value is p / ν; across clients its mean is p v / (q − 1), finite for q > 1.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  v: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  /** Log-likelihood of the repeat buyers at the estimates, no penalty. */
  logLikelihood: number;
  converged: boolean;
}

export interface GammaGammaFitOptions {
  /**
   * L2 penalty as in `lifetimes`: minimises −LL / N + penalizer · (p² + q² + v²), with v
   * taken in units of the mean observed spend (so the penalty does not depend on the
   * currency). Default 0.
   */
  penalizer?: number;
  /** Gaussian prior on ln p, ln q, ln v: adds Σ (ln θ − ln θ₀)² / (2 sd² N). */
  prior?: { center: GammaGammaParams; sd: number };
  maxIterations?: number;
}

/** Spend columns: repeat purchase days and their mean value. */
export interface SpendColumns {
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

/**
 * Fits the Gamma-Gamma model on the clients with a repeat purchase of positive mean value
 * (frequency > 0, monetary > 0); the others say nothing about the spread of spend. As for
 * BG/NBD: grouped rows, BFGS on log-parameters with analytic gradient, spend rescaled to
 * mean 1 during the fit and v scaled back. With no such client the result is the prior's
 * centre (or p = q = v = 1 without one), with `converged` false.
 */
export function fitGammaGamma(
  rows: readonly { frequency: number; monetary: number }[],
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  return fitGammaGammaColumns(
    { frequency: rows.map((row) => row.frequency), monetary: rows.map((row) => row.monetary) },
    options,
  );
}

/** `fitGammaGamma` on columns; NaN rows (no purchase) are skipped. */
export function fitGammaGammaColumns(
  columns: SpendColumns,
  options: GammaGammaFitOptions = {},
): GammaGammaFit {
  const { frequency, monetary } = columns;
  const grouped = groupRows(
    [frequency, monetary],
    frequency.length,
    (i) =>
      frequency[i]! > 0 && frequency[i]! < Infinity && monetary[i]! > 0 && monetary[i]! < Infinity,
  );
  const [x, m] = grouped.columns as [Float64Array, Float64Array];
  const weight = grouped.weight;
  let n = 0;
  let spend = 0;
  for (let k = 0; k < x.length; k += 1) {
    n += weight[k]!;
    spend += weight[k]! * m[k]!;
  }
  const scale = n > 0 ? spend / n : 1;
  const toScaled = (g: GammaGammaParams): Float64Array =>
    Float64Array.of(Math.log(g.p), Math.log(g.q), Math.log(g.v / scale));
  const prior = options.prior
    ? { mean: toScaled(options.prior.center), sd: options.prior.sd }
    : undefined;
  const start = prior?.mean ?? new Float64Array(3);
  const fromScaled = (phi: Float64Array): GammaGammaParams => ({
    p: Math.exp(phi[0]!),
    q: Math.exp(phi[1]!),
    v: Math.exp(phi[2]!) * scale,
  });
  if (n === 0) return { ...fromScaled(start), logLikelihood: 0, converged: false };

  const data = { x, m: m.map((v) => v / scale), weight, n };
  const result = minimiseBfgs(gammaGammaObjective(data, options.penalizer ?? 0, prior), start, {
    maxIterations: options.maxIterations,
  });
  // Spend divided by s multiplies each density by s: LL = LL(scaled) − N ln s.
  const logLikelihood = gammaGammaLogLikelihood(data, result.x) - n * Math.log(scale);
  return { ...fromScaled(result.x), logLikelihood, converged: result.converged };
}

/**
 * Expected mean purchase value of a client (Fader & Hardie, eq. 5): a credibility-weighted
 * blend of the population mean and the client's own mean m over x repeat purchases,
 *
 *   E[Z | x, m] = (1 − w) · p v / (q − 1) + w · m,   w = p x / (p x + q − 1),
 *
 * which is the population mean p v / (q − 1) when x = 0. Needs q > 1 (the population mean
 * is infinite otherwise; `fitClvModels` ensures it): for q ≤ 1 it returns m.
 */
export function expectedAverageValue(
  params: GammaGammaParams,
  row: { frequency: number; monetary: number },
): number {
  const { p, q, v } = params;
  const x = row.frequency > 0 && row.monetary > 0 ? row.frequency : 0;
  if (!(q > 1)) return x > 0 ? row.monetary : 0;
  const populationMean = (p * v) / (q - 1);
  const w = (p * x) / (p * x + q - 1);
  return (1 - w) * populationMean + w * (x > 0 ? row.monetary : 0);
}

interface SpendData {
  x: Float64Array;
  m: Float64Array;
  weight: Float64Array;
  n: number;
}

/** −LL / N + penalizer · Σ θ² + Σ (φ − μ)² / (2 sd² N) over φ = ln(p, q, v), with gradient. */
function gammaGammaObjective(
  data: SpendData,
  penalizer: number,
  prior: { mean: Float64Array; sd: number } | undefined,
): Objective {
  return (phi, gradient) => {
    const derivative = new Float64Array(3);
    let value = -gammaGammaLogLikelihood(data, phi, derivative) / data.n;
    for (let j = 0; j < 3; j += 1) {
      const t = Math.exp(phi[j]!);
      value += penalizer * t * t;
      gradient[j] = t * (-derivative[j]! / data.n + 2 * penalizer * t);
      if (prior) {
        const d = phi[j]! - prior.mean[j]!;
        value += (d * d) / (2 * prior.sd * prior.sd * data.n);
        gradient[j] = gradient[j]! + d / (prior.sd * prior.sd * data.n);
      }
    }
    return value;
  };
}

/**
 * Σ w · ln L at φ = ln(p, q, v), for a client with x repeat purchases of mean m (the
 * density of the mean, as `lifetimes` writes it):
 *
 *   ln L = ln Γ(p x + q) − ln Γ(p x) − ln Γ(q) + q ln v + (p x − 1) ln m + p x ln x
 *          − (p x + q) ln(x m + v)
 *
 * `derivative`, when given, receives ∂ ln L / ∂(p, q, v):
 *   ∂p = x [ψ(p x + q) − ψ(p x) + ln(x m / (x m + v))]
 *   ∂q = ψ(p x + q) − ψ(q) + ln(v / (x m + v))
 *   ∂v = q / v − (p x + q) / (x m + v)
 */
function gammaGammaLogLikelihood(
  data: SpendData,
  phi: Float64Array,
  derivative?: Float64Array,
): number {
  const p = Math.exp(phi[0]!);
  const q = Math.exp(phi[1]!);
  const v = Math.exp(phi[2]!);
  const { x, m, weight } = data;
  const lgQ = logGamma(q);
  const psiQ = derivative ? digamma(q) : 0;
  const logV = Math.log(v);
  let ll = 0;
  let dp = 0;
  let dq = 0;
  let dv = 0;
  let lastX = NaN;
  let lgTerms = 0;
  let psiPXQ = 0;
  let psiPX = 0;
  for (let k = 0; k < x.length; k += 1) {
    const xk = x[k]!;
    const px = p * xk;
    if (xk !== lastX) {
      // Rows are sorted by x: the gamma-function terms change only with it.
      lastX = xk;
      lgTerms = logGamma(px + q) - logGamma(px) - lgQ;
      if (derivative) {
        psiPXQ = digamma(px + q);
        psiPX = digamma(px);
      }
    }
    const w = weight[k]!;
    const xm = xk * m[k]!;
    const logXmV = Math.log(xm + v);
    ll +=
      w * (lgTerms + q * logV + (px - 1) * Math.log(m[k]!) + px * Math.log(xk) - (px + q) * logXmV);
    if (derivative) {
      dp += w * xk * (psiPXQ - psiPX + Math.log(xm) - logXmV);
      dq += w * (psiPXQ - psiQ + logV - logXmV);
      dv += w * (q / v - (px + q) / (xm + v));
    }
  }
  if (derivative) {
    derivative[0] = dp;
    derivative[1] = dq;
    derivative[2] = dv;
  }
  return ll;
}

/**
 * The expected value of a client's next purchase as the app uses it: `expectedAverageValue`
 * for a repeat buyer; for a one-time buyer, the same blend with its one purchase as the
 * observed mean (x = 1, m = the first purchase's value) — Gamma-Gamma alone would give
 * every one-time buyer the population mean, so a client who once paid $1 would be expected
 * to spend like the base's best clients.
 */
export function expectedSpend(
  params: GammaGammaParams,
  row: { frequency: number; monetary: number; firstValue: number },
): number {
  if (row.frequency === 0 && row.firstValue > 0) {
    return expectedAverageValue(params, { frequency: 1, monetary: row.firstValue });
  }
  return expectedAverageValue(params, row);
}
