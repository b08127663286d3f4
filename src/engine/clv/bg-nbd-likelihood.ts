import { groupRows } from './group-rows';
import type { Objective } from './minimise';
import { digamma, logGamma } from './special-functions';

/**
 * BG/NBD parameters (Fader, Hardie & Lee 2005). While active, a client buys at rate λ per
 * time unit, λ ~ Gamma(shape r, rate α) across clients; after each purchase the client
 * drops out with probability p, p ~ Beta(a, b). α is in the time unit of the rows it was
 * fitted on (the others have no unit).
 */
export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** The history columns the BG/NBD likelihood reads, in one time unit. */
export interface BgNbdColumns {
  frequency: ArrayLike<number>;
  recency: ArrayLike<number>;
  T: ArrayLike<number>;
}

/** Total BG/NBD log-likelihood of client histories at given parameters (rows' unit). */
export function bgNbdLogLikelihood(params: BgNbdParams, columns: BgNbdColumns): number {
  const data = prepareBgNbdData(columns);
  const phi = Float64Array.of(
    Math.log(params.r),
    Math.log(params.alpha),
    Math.log(params.a),
    Math.log(params.b),
  );
  return data.totalWeight === 0 ? 0 : logLikelihoodAt(data, phi);
}

/**
 * Distinct histories sorted by frequency, with weights and the runs of equal frequency.
 * Recency and T are kept as indexes into the sorted distinct ages, so that ln(α + age) is
 * computed once per age (a few hundred or thousand) rather than twice per history.
 */
export interface BgNbdData {
  frequency: Float64Array;
  weight: Float64Array;
  recencyAt: Int32Array;
  ageAt: Int32Array;
  /** Distinct values of recency and T, ascending. */
  ages: Float64Array;
  /** Start of each run of equal frequency, then the number of rows. */
  runs: Int32Array;
  totalWeight: number;
  /** Σ weight · frequency. */
  weightedFrequency: number;
  longestT: number;
}

/**
 * Checks the histories and groups identical ones (see `groupRows`), sorted by frequency.
 * Rows with a NaN frequency (no purchase) are left out; an impossible row (negative or
 * non-finite values, recency > T) throws a RangeError.
 */
export function prepareBgNbdData(columns: BgNbdColumns): BgNbdData {
  const { frequency, recency, T } = columns;
  const n = frequency.length;
  if (recency.length !== n || T.length !== n) {
    throw new RangeError('frequency, recency and T must have the same length');
  }
  for (let i = 0; i < n; i += 1) {
    const x = frequency[i]!;
    if (Number.isNaN(x)) continue;
    const tx = recency[i]!;
    const age = T[i]!;
    if (!(x >= 0 && tx >= 0 && age >= 0 && x < Infinity && age < Infinity && tx <= age)) {
      throw new RangeError(`Impossible history: frequency ${x}, recency ${tx}, T ${age}`);
    }
  }
  const grouped = groupRows([frequency, recency, T], n, (i) => !Number.isNaN(frequency[i]!));
  const [x, tx, age] = grouped.columns as [Float64Array, Float64Array, Float64Array];
  const ages = Float64Array.from(new Set([...tx, ...age])).sort();
  const position = new Map<number, number>();
  ages.forEach((value, d) => position.set(value, d));
  const runs: number[] = [];
  let totalWeight = 0;
  let weightedFrequency = 0;
  for (let k = 0; k < x.length; k += 1) {
    if (k === 0 || x[k] !== x[k - 1]) runs.push(k);
    totalWeight += grouped.weight[k]!;
    weightedFrequency += grouped.weight[k]! * x[k]!;
  }
  runs.push(x.length);
  return {
    frequency: x,
    weight: grouped.weight,
    recencyAt: Int32Array.from(tx, (v) => position.get(v)!),
    ageAt: Int32Array.from(age, (v) => position.get(v)!),
    ages,
    runs: Int32Array.from(runs),
    totalWeight,
    weightedFrequency,
    longestT: ages.length > 0 ? ages[ages.length - 1]! : 0,
  };
}

/**
 * Σ w · ln L of grouped histories at φ = ln(r, α, a, b), with its gradient in
 * `derivative` when given: BG/NBD's `logLikelihoodAt` or MBG/NBD's `mbgLogLikelihoodAt`.
 */
export type PurchaseLikelihood = (
  data: BgNbdData,
  phi: Float64Array,
  derivative?: Float64Array,
) => number;

/**
 * The objective in log-parameters φ = ln(r, α, a, b) of `likelihood` (BG/NBD's by default):
 * −LL(θ) / N + penalizer · Σ θ² + Σ (φ − μ)² / (2 sd² N), with N the number of clients,
 * and its gradient (∂/∂φ = θ · ∂/∂θ).
 */
export function bgNbdObjective(
  data: BgNbdData,
  penalizer: number,
  prior: { mean: Float64Array; sd: number } | undefined,
  likelihood: PurchaseLikelihood = logLikelihoodAt,
): Objective {
  const n = data.totalWeight;
  return (phi, gradient) => {
    const theta = phi.map(Math.exp);
    const derivative = new Float64Array(4);
    let value = -likelihood(data, phi, derivative) / n;
    for (let j = 0; j < 4; j += 1) {
      const t = theta[j]!;
      value += penalizer * t * t;
      gradient[j] = t * (-derivative[j]! / n + 2 * penalizer * t);
      if (prior) {
        const d = phi[j]! - prior.mean[j]!;
        value += (d * d) / (2 * prior.sd * prior.sd * n);
        gradient[j] = gradient[j]! + d / (prior.sd * prior.sd * n);
      }
    }
    return value;
  };
}

/**
 * Σ w · ln L over the distinct rows, at φ = ln(r, α, a, b). For one client with x repeat
 * purchases, last at t_x, observed for T (Fader, Hardie & Lee 2005, eq. 6):
 *
 *   ln L = A₁ + A₂ + ln(e^A₃ + [x > 0] · e^A₄)
 *   A₁ = ln Γ(r + x) − ln Γ(r) + r ln α
 *   A₂ = ln Γ(a + b) + ln Γ(b + x) − ln Γ(b) − ln Γ(a + b + x)
 *   A₃ = −(r + x) ln(α + T)
 *   A₄ = ln a − ln(b + x − 1) − (r + x) ln(α + t_x)
 *
 * The last term is summed as max + ln(e^(A₃ − max) + e^(A₄ − max)) so that neither
 * exponential underflows. A₁ and A₂ depend on x only and are computed once per run of
 * equal x. When `derivative` is given it receives ∂ ln L / ∂(r, α, a, b).
 */
export function logLikelihoodAt(
  data: BgNbdData,
  phi: Float64Array,
  derivative?: Float64Array,
): number {
  const r = Math.exp(phi[0]!);
  const alpha = Math.exp(phi[1]!);
  const a = Math.exp(phi[2]!);
  const b = Math.exp(phi[3]!);
  const { frequency, weight, recencyAt, ageAt, ages, runs } = data;
  const logAge = new Float64Array(ages.length);
  const inverseAge = new Float64Array(ages.length);
  for (let d = 0; d < ages.length; d += 1) {
    logAge[d] = Math.log(alpha + ages[d]!);
    inverseAge[d] = 1 / (alpha + ages[d]!);
  }
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const psiR = derivative ? digamma(r) : 0;
  const psiB = derivative ? digamma(b) : 0;
  const psiAB = derivative ? digamma(a + b) : 0;
  let ll = 0;
  let dr = 0;
  let dAlpha = 0;
  let dA = 0;
  let dB = 0;
  for (let g = 0; g + 1 < runs.length; g += 1) {
    const start = runs[g]!;
    const end = runs[g + 1]!;
    const x = frequency[start]!;
    const rx = r + x;
    let runWeight = 0;
    for (let k = start; k < end; k += 1) runWeight += weight[k]!;
    const a1 = logGamma(rx) - lgR + r * logAlpha;
    const a2 = x === 0 ? 0 : lgAB + logGamma(b + x) - lgB - logGamma(a + b + x);
    ll += runWeight * (a1 + a2);
    if (derivative) {
      const psiABX = x === 0 ? psiAB : digamma(a + b + x);
      dr += runWeight * (digamma(rx) - psiR + logAlpha);
      dAlpha += (runWeight * r) / alpha;
      dA += runWeight * (psiAB - psiABX);
      dB += x === 0 ? 0 : runWeight * (psiAB + digamma(b + x) - psiB - psiABX);
    }
    if (x === 0) {
      // Only A₃: the client cannot have dropped out before a repeat purchase.
      for (let k = start; k < end; k += 1) {
        const w = weight[k]!;
        const t = ageAt[k]!;
        ll -= w * rx * logAge[t]!;
        if (derivative) {
          dr -= w * logAge[t]!;
          dAlpha -= w * rx * inverseAge[t]!;
        }
      }
      continue;
    }
    const c4 = logA - Math.log(b + x - 1);
    for (let k = start; k < end; k += 1) {
      const w = weight[k]!;
      const t = ageAt[k]!;
      const last = recencyAt[k]!;
      const a3 = -rx * logAge[t]!;
      const a4 = c4 - rx * logAge[last]!;
      // ln(e^A₃ + e^A₄) = max + ln(1 + e^−|A₃ − A₄|)
      const gap = Math.exp(-Math.abs(a3 - a4));
      ll += w * (Math.max(a3, a4) + Math.log1p(gap));
      if (derivative) {
        // Share of the A₄ term in the sum: the weight of its derivative.
        const p4 = a4 >= a3 ? 1 / (1 + gap) : gap / (1 + gap);
        const p3 = 1 - p4;
        dr -= w * (p3 * logAge[t]! + p4 * logAge[last]!);
        dAlpha -= w * rx * (p3 * inverseAge[t]! + p4 * inverseAge[last]!);
        dA += (w * p4) / a;
        dB -= (w * p4) / (b + x - 1);
      }
    }
  }
  if (derivative) {
    derivative[0] = dr;
    derivative[1] = dAlpha;
    derivative[2] = dA;
    derivative[3] = dB;
  }
  return ll;
}
