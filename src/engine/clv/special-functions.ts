/**
 * Log-gamma and digamma for positive real arguments: the likelihoods of the lifetime-value
 * models are sums of log-gamma terms, and their gradients sums of digamma terms.
 *
 * Written here rather than taken from a package: the one well-kept JavaScript source
 * (stdlib) brings about 160 packages for these two functions.
 */

/** ln √(2π). */
const LN_SQRT_2PI = 0.9189385332046728;

/**
 * Lanczos approximation with g = 7 and nine coefficients:
 * Γ(x + 1) = √(2π) · t^(x + 1/2) · e^(−t) · A(x), with t = x + g + 1/2 and
 * A(x) = c₀ + Σₖ cₖ / (x + k). Relative error about 1e-15 for x ≥ 0.
 */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
] as const;

/** ln Γ(x + 1) for x ≥ 0, by the Lanczos sum above. */
function logGammaPlusOne(x: number): number {
  let sum = LANCZOS[0];
  for (let k = 1; k < LANCZOS.length; k += 1) sum += LANCZOS[k]! / (x + k);
  const t = x + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (x + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * ln Γ(x) for x > 0 (NaN otherwise). Below 1/2 it uses ln Γ(x) = ln Γ(x + 1) − ln x, so
 * that tiny arguments keep their full relative accuracy (ln Γ(x) ≈ −ln x there).
 * Absolute error about 1e-15 near x = 1 and 2 (where ln Γ is 0), relative error about
 * 1e-15 elsewhere.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  return x < 0.5 ? logGammaPlusOne(x) - Math.log(x) : logGammaPlusOne(x - 1);
}

/**
 * Digamma ψ(x) = d/dx ln Γ(x) for x > 0 (NaN otherwise). Shifts the argument up with
 * ψ(x) = ψ(x + 1) − 1/x until x ≥ 10, then uses the asymptotic series
 * ψ(x) = ln x − 1/(2x) − Σₙ B₂ₙ / (2n x²ⁿ), n = 1…6, whose first omitted term is below
 * 1e-16 there.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return NaN;
  if (x === Infinity) return Infinity;
  let shift = 0;
  while (x < 10) {
    shift -= 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // B₂ₙ / (2n): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, by Horner in 1/x².
  const series =
    inv2 *
    (1 / 12 -
      inv2 *
        (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return shift + Math.log(x) - 0.5 / x - series;
}
