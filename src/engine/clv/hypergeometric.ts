/**
 * Power series of the kind the BG/NBD expectations need. Each sums until a bound on the
 * remaining tail, not just the last term, is below the requested precision.
 */

/** Relative precision the series aim for. */
const PRECISION = 1e-16;

/**
 * Most terms summed. At z = 0.9999 the terms shrink by 1e-4 each, so about 400,000 are
 * needed; beyond that, see `sumPowerSeries`.
 */
const MAX_TERMS = 1_000_000;

/**
 * Σₙ≥₀ cₙ zⁿ at each z of `zs` (0 ≤ z < 1), written to `out`, with c₀ = `first` and
 * cₙ₊₁ = cₙ · ratio(n), where ratio(n) is a ratio of products of linear factors in n that
 * tends to 1. Several z share the coefficients, so evaluating at a dozen horizons costs
 * little more than at one.
 *
 * Stopping test: from `settled` on (the caller's n past which every factor is positive)
 * the term ratios ρₙ = ratio(n) · z move monotonically towards z for the parameters used
 * here, so the tail after the term tₙ is at most |tₙ| · ρ / (1 − ρ) with ρ = max(|ρₙ|, z);
 * a z is done when that bound is below `PRECISION` times its sum. If `MAX_TERMS` are
 * reached (only for z within about 1e-4 of 1), the same geometric estimate of the tail is
 * added and that sum is approximate. `largest`, if given, receives the largest |term| of
 * each sum: far above the sum, it measures the digits lost to cancellation.
 */
export function sumPowerSeries(
  first: number,
  ratio: (n: number) => number,
  zs: ArrayLike<number>,
  out: Float64Array,
  settled = 0,
  largest?: Float64Array,
): void {
  const m = zs.length;
  if (m === 1 && !largest) {
    out[0] = sumPowerSeriesAt(first, ratio, zs[0]!, settled);
    return;
  }
  largest?.fill(Math.abs(first), 0, m);
  const term = new Float64Array(m).fill(first);
  const done = new Uint8Array(m);
  let active = m;
  out.fill(first, 0, m);
  let n = 0;
  for (; n < MAX_TERMS && active > 0; n += 1) {
    const coefficientRatio = ratio(n);
    if (coefficientRatio === 0) return; // a terminating series: every later term is 0
    for (let k = 0; k < m; k += 1) {
      if (done[k]) continue;
      const z = zs[k]!;
      const rho = coefficientRatio * z;
      const t = term[k]! * rho;
      term[k] = t;
      const sum = out[k]! + t;
      out[k] = sum;
      if (largest) largest[k] = Math.max(largest[k]!, Math.abs(t));
      if (t === 0 || (n >= settled && tailIsNegligible(t, rho, z, sum))) {
        done[k] = 1;
        active -= 1;
      }
    }
  }
  for (let k = 0; k < m; k += 1) {
    if (!done[k]) out[k] = out[k]! + geometricTail(term[k]!, ratio(n) * zs[k]!, zs[k]!);
  }
}

/** `sumPowerSeries` at one z, returned. */
export function sumPowerSeriesAt(
  first: number,
  ratio: (n: number) => number,
  z: number,
  settled = 0,
): number {
  let term = first;
  let sum = first;
  let n = 0;
  for (; n < MAX_TERMS; n += 1) {
    const coefficientRatio = ratio(n);
    const rho = coefficientRatio * z;
    term *= rho;
    sum += term;
    if (term === 0 || (n >= settled && tailIsNegligible(term, rho, z, sum))) return sum;
  }
  return sum + geometricTail(term, ratio(n) * z, z);
}

/** |t| · ρ / (1 − ρ) ≤ PRECISION · |sum| with ρ = max(|ρₙ|, z), without dividing. */
function tailIsNegligible(term: number, rho: number, z: number, sum: number): boolean {
  const bound = Math.max(Math.abs(rho), z);
  return bound < 1 && Math.abs(term) * bound <= PRECISION * Math.abs(sum) * (1 - bound);
}

function geometricTail(term: number, rho: number, z: number): number {
  const bound = Math.min(Math.max(Math.abs(rho), z), 1 - 1e-12);
  return (term * bound) / (1 - bound);
}

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) = Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) · zⁿ for real
 * a, b, c (c not 0, −1, −2, …) and −1 < z < 1; NaN outside that domain.
 *
 * The plain series has terms of size n^(a + b − c − 1) · zⁿ, which grow at first when
 * a + b − c > 1. It is then summed after Euler's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) · ₂F₁(c − a, c − b; c; z), whose terms shrink like
 * n^(c − a − b − 1) · zⁿ. Negative z goes through Pfaff's transformation
 * ₂F₁(a, b; c; z) = (1 − z)^(−a) · ₂F₁(a, c − b; c; z / (z − 1)), which maps (−1, 0) onto
 * (0, 1/2).
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z > -1 && z < 1) || (c <= 0 && Number.isInteger(c))) return NaN;
  if (z < 0) return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, z / (z - 1));
  if (z === 0) return 1;
  if (a + b - c > 0) {
    return Math.pow(1 - z, c - a - b) * hyp2f1Series(c - a, c - b, c, z);
  }
  return hyp2f1Series(a, b, c, z);
}

/** The plain series, for 0 < z < 1. */
function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  const settled = Math.ceil(Math.max(0, -a, -b, -c));
  return sumPowerSeriesAt(1, (n) => ((a + n) * (b + n)) / ((c + n) * (n + 1)), z, settled);
}
