import type { BgNbdParams } from './bg-nbd-likelihood';
import { sumPowerSeries } from './hypergeometric';

/** The part of a history the expectation reads. */
interface Observed {
  frequency: number;
  T: number;
}

/**
 * Above this many terms (estimated) the series gives way to the quadrature, which then
 * costs less. Typical client bases need tens to a few hundred.
 */
const SERIES_BUDGET = 2000;

/**
 * Above e^this the series' terms would come close to overflowing.
 */
const SERIES_MAX_LOG_TERM = 600;

/**
 * The series result may be this many times smaller than the terms it was summed from
 * (1e6: at most 6 of the 16 digits lost) before the quadrature is used instead.
 */
const MAX_LOSS = 1e6;

/**
 * E[Y(t) | alive, x, T]: the purchases a client who is still active is expected to make
 * in (0, t] (Fader, Hardie & Lee 2005, eq. 10 without the factor P(alive)), at several
 * horizons t at once, written to `out`; horizons ≤ 0 give 0. Equal to
 *
 *   (a + b + x − 1) / (a − 1) · [1 − ((α + T) / (α + T + t))^(r + x) · ₂F₁(r + x, b + x; a + b + x − 1; z)]
 *
 * with z = t / (α + T + t), and evaluated one of two ways:
 *
 * Series (the usual case). Euler's transformation turns (1 − z)^(r + x) ·
 * ₂F₁(r + x, b + x; c; z), with c = a + b + x − 1, into (1 − z)^(a − 1) ·
 * ₂F₁(a + b − 1 − r, a − 1; c; z). The factor (a − 1)ₙ = (a − 1)(a)ₙ₋₁ of that series
 * cancels the 1 / (a − 1), so nothing is singular at a = 1:
 *
 *   E = −c · L · expm1(y) / y − e^y · U
 *   L = ln(1 − z) = −ln(1 + t / (α + T)),  y = (a − 1) L   (expm1(y) / y = 1 at y = 0)
 *   U = Σₙ≥₁ uₙ,  u₁ = (a + b − 1 − r) z,
 *   uₙ₊₁ = uₙ · (a + b − 1 − r + n)(a + n − 1) / ((c + n)(n + 1)) · z
 *
 * (the c of the Pochhammer (c)ₙ is folded into U, so c ≤ 0, possible when x = 0 and
 * a + b ≤ 1, is fine). The terms shrink like n^(a − r − x − 2) · zⁿ however large x is,
 * but first grow for about a · z / (1 − z) terms: slow when a is large or z near 1.
 *
 * Quadrature (when the series would need more than `SERIES_BUDGET` terms, its terms would
 * come near overflow, or cancellation among them would cost more than `MAX_LOSS` allows,
 * as when r is much larger than a + b). Given alive, λ ~ Gamma(r + x, α + T) and p ~ Beta(a, b + x)
 * independently, and an active client with (λ, p) buys (1 − e^(−λ p t)) / p on average in
 * (0, t], so
 *
 *   E = ∫₀¹ f(p) Beta(p; a, b + x) dp,   f(p) = (1 − (1 + k p)^(−(r + x))) / p,   k = t / (α + T)
 *
 * integrated by the trapezoidal rule in u = logit p, where the density
 * σ(u)^a σ(−u)^(b + x) is smooth, single-peaked (at ln(a / (b + x)), width
 * √(1/a + 1/(b + x))) and falls off exponentially on both sides, so the rule converges
 * geometrically: steps of a quarter width (at most 1/2), nodes until the density has
 * fallen by e^−46 relative to the largest f. Normalising by the same rule's integral of the
 * density removes the Beta function. Far enough out (a or b + x tiny gives a long,
 * slowly falling tail) f is flat and the density exponential, so the rest of a side is
 * added in closed form.
 */
export function expectedPurchasesIfAliveAt(
  params: BgNbdParams,
  row: Observed,
  horizons: ArrayLike<number>,
  out: Float64Array,
): void {
  const { r, alpha, a, b } = params;
  const x = row.frequency;
  const age = alpha + row.T;
  const m = horizons.length;
  const ks = new Float64Array(m);
  let kMax = 0;
  for (let j = 0; j < m; j += 1) {
    ks[j] = Math.max(0, horizons[j]!) / age;
    kMax = Math.max(kMax, ks[j]!);
  }
  const zMax = kMax / (1 + kMax);
  const seriesTerms = (a * zMax + 37) / (1 - zMax);
  const largestLogTerm = (a - 1) * Math.log1p(kMax);
  const seriesFits = seriesTerms <= SERIES_BUDGET && largestLogTerm <= SERIES_MAX_LOG_TERM;
  if (!seriesFits || !bySeries(params, x, ks, out)) byQuadrature(a, b + x, r + x, ks, out);
  for (let j = 0; j < m; j += 1) {
    // Rounding can leave a tiny negative value for a tiny horizon; E is never negative.
    out[j] = ks[j]! > 0 ? Math.max(0, out[j]!) : 0;
  }
}

/**
 * The series form above, at k = t / (α + T) for each horizon. Returns false, leaving `out`
 * to be overwritten, when cancellation would cost more digits than `MAX_LOSS` allows: the series'
 * terms alternate in sign while a + b − 1 − r + n < 0, and when r is much larger than
 * a + b they grow far larger than their sum first.
 */
function bySeries(params: BgNbdParams, x: number, ks: Float64Array, out: Float64Array): boolean {
  const { r, a, b } = params;
  const c = a + b + x - 1;
  const zs = ks.map((k) => k / (1 + k));
  const aPrime = a + b - 1 - r;
  // Past n = −aPrime every factor of the coefficient ratio is positive (a, c + n > 0 already).
  const settled = Math.ceil(Math.max(0, -aPrime));
  const largest = new Float64Array(ks.length);
  sumPowerSeries(
    aPrime,
    (n) => ((aPrime + n + 1) * (a + n)) / ((c + n + 1) * (n + 2)),
    zs,
    out,
    settled,
    largest,
  );
  for (let j = 0; j < ks.length; j += 1) {
    const logOneMinusZ = -Math.log1p(ks[j]!);
    const y = (a - 1) * logOneMinusZ;
    // expm1(y) / y first: the product with L alone can underflow when both are tiny.
    const leading = -logOneMinusZ * (y === 0 ? 1 : Math.expm1(y) / y);
    // The series was summed as Σ cₙ zⁿ from n = 0, and U starts at z¹.
    const weight = Math.exp(y) * zs[j]!;
    const expected = c * leading - weight * out[j]!;
    const magnitude = Math.abs(c * leading) + weight * largest[j]!;
    if (magnitude > MAX_LOSS * Math.abs(expected)) return false;
    out[j] = expected;
  }
  return true;
}

/** A cap on the nodes of one side (never reached with the bounds below; a safeguard). */
const MAX_NODES = 10_000;

/**
 * Beyond this distance (in u) past the points where f and the density's second factor
 * level off, both are constant or exponential to within e^−40.
 */
const FLAT = 40;

/** The quadrature form above: Beta(a, beta) for p, shape s = r + x for λ. */
function byQuadrature(a: number, beta: number, s: number, ks: Float64Array, out: Float64Array) {
  const m = ks.length;
  const width = Math.sqrt(1 / a + 1 / beta);
  const step = Math.min(0.5, width / 4);
  const peak = Math.log(a / beta);
  const logDensity = (u: number): number => a * logSigmoid(u) + beta * logSigmoid(-u);
  const top = logDensity(peak);
  let kMax = 0;
  for (let j = 0; j < m; j += 1) kMax = Math.max(kMax, ks[j]!);
  // f is at most s · k (as p → 0): the density must fall further than that ratio.
  const cutoff = 46 + Math.log1p(s * kMax);
  // Past these the rest of a side is an exponential tail times a constant f: f levels off
  // below u = −ln((s + 1) k) and above u = 0, σ(−u)^β ≈ 1 below −ln β, σ(u)^a ≈ 1 above ln a.
  const left = Math.min(peak, -Math.log1p((s + 1) * kMax), -Math.log(beta), 0) - FLAT;
  const right = Math.max(peak, Math.log(a), 0) + FLAT;
  const sums = new Float64Array(m);
  let mass = 0;
  const add = (u: number, relative: number, weight: number): void => {
    const p = sigmoid(u);
    const w = weight * Math.exp(relative);
    mass += w;
    for (let j = 0; j < m; j += 1) sums[j] = sums[j]! + w * meanPurchases(p, ks[j]!, s);
  };
  add(peak, 0, 1);
  for (const side of [-1, 1]) {
    const end = side < 0 ? left : right;
    let u = peak;
    let relative = 0;
    for (let node = 1; node <= MAX_NODES && relative > -cutoff; node += 1) {
      u = peak + side * node * step;
      relative = logDensity(u) - top;
      add(u, relative, 1);
      if (side * (u - end) > 0) break;
    }
    // The rest of the side continues the grid: the density falls by e^(−rate · step) a node,
    // with rate a on the left and b + x on the right, and f is flat, so the remaining
    // nodes add up to a geometric series.
    const fall = (side < 0 ? a : beta) * step;
    add(u, relative, Math.exp(-fall) / -Math.expm1(-fall));
  }
  for (let j = 0; j < m; j += 1) out[j] = sums[j]! / mass;
}

/** (1 − (1 + k p)^(−s)) / p: mean purchases in (0, t] of an active client with dropout p. */
function meanPurchases(p: number, k: number, s: number): number {
  return p === 0 ? s * k : -Math.expm1(-s * Math.log1p(k * p)) / p;
}

function sigmoid(u: number): number {
  return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
}

function logSigmoid(u: number): number {
  return u >= 0 ? -Math.log1p(Math.exp(-u)) : u - Math.log1p(Math.exp(u));
}
