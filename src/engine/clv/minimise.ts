/**
 * BFGS minimisation with a backtracking line search, for the few-parameter, smooth
 * objectives of the lifetime-value models (negative mean log-likelihoods in log-parameter
 * space, with their analytic gradients).
 */

/** Writes ∇f(x) into `gradient` and returns f(x). */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface MinimiseOptions {
  /**
   * Stop when every gradient component is below this. Default 1e-7: the objectives are
   * means over clients, so this is well above the rounding noise of a sum over tens of
   * thousands of rows (about 1e-8) and far below any change that matters (a relative
   * error in the parameters of about 1e-6).
   */
  gradientTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
  /**
   * Coordinates stay within ±bound. The models work on log-parameters: ±25 keeps every
   * parameter within e^±25 (1e-11 to 7e10), where all their formulas stay finite, even
   * when data that cannot pin a parameter down pulls it to 0 or infinity.
   */
  bound?: number;
  /**
   * Longest move of one coordinate in one step. Default 2 (a factor of e² ≈ 7.4 on a
   * parameter): keeps the first steps, before the curvature is known, in a sane range.
   */
  maxStep?: number;
}

export interface MinimiseResult {
  x: Float64Array;
  value: number;
  iterations: number;
  /** True when the gradient test passed (not merely when the search could go no further). */
  converged: boolean;
}

/** Sufficient-decrease constant of the Armijo test. */
const ARMIJO = 1e-4;
/** Halvings of the step before the search gives up on a direction. */
const MAX_HALVINGS = 40;
/** A move shorter than this (in every coordinate) is no move. */
const NEGLIGIBLE_MOVE = 1e-12;
/**
 * When no step improves f any further, the minimum counts as reached if the gradient is
 * this small: rounding error in f and its gradient then hides any better point.
 */
const NOISE_GRADIENT = 1e-6;

/**
 * Minimises `f` from `start` within the box ±bound. The inverse Hessian estimate starts as
 * the identity, is rescaled by sᵀy / yᵀy after the first step, and is updated only when
 * sᵀy > 0 (so it stays positive definite); when a search along its direction fails, it is
 * reset to the identity (steepest descent) once before giving up. Gradient components that
 * push a coordinate through its bound are ignored (projected gradient). Deterministic: same
 * input, same path.
 */
export function minimiseBfgs(
  f: Objective,
  start: Float64Array,
  options: MinimiseOptions = {},
): MinimiseResult {
  const tolerance = options.gradientTolerance ?? 1e-7;
  const maxIterations = options.maxIterations ?? 500;
  const bound = options.bound ?? 25;
  const maxStep = options.maxStep ?? 2;
  const n = start.length;
  const clamp = (v: number): number => Math.min(bound, Math.max(-bound, v));

  let x = start.map(clamp);
  let gradient = new Float64Array(n);
  let value = f(x, gradient);
  const h = identity(n);
  let fresh = true;
  const direction = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  let trial = new Float64Array(n);
  let trialGradient = new Float64Array(n);
  // The gradient without the components that push through a bound.
  const free = new Float64Array(n);

  for (let iteration = 0; iteration < maxIterations; iteration += 1) {
    projectGradient(x, gradient, bound, free);
    if (maxAbs(free) < tolerance) return { x, value, iterations: iteration, converged: true };

    multiply(h, free, direction, -1);
    projectGradient(x, direction, bound, direction, -1);
    if (!(dot(free, direction) < 0)) {
      resetIdentity(h);
      fresh = true;
      multiply(h, free, direction, -1);
    }
    let step = Math.min(1, maxStep / maxAbs(direction));
    const before = value;
    let trialValue = NaN;
    let accepted = false;
    const longest = maxAbs(direction);
    for (
      let halving = 0;
      halving < MAX_HALVINGS && step * longest > NEGLIGIBLE_MOVE;
      halving += 1
    ) {
      for (let i = 0; i < n; i += 1) trial[i] = clamp(x[i]! + step * direction[i]!);
      trialValue = f(trial, trialGradient);
      // With clamping the actual move may differ from step · direction: test on the move.
      let predicted = 0;
      for (let i = 0; i < n; i += 1) predicted += gradient[i]! * (trial[i]! - x[i]!);
      if (Number.isFinite(trialValue) && trialValue <= value + ARMIJO * predicted) {
        accepted = predicted < 0 || trialValue < value;
        break;
      }
      step /= 2;
    }
    if (!accepted) {
      if (!fresh) {
        resetIdentity(h);
        fresh = true;
        continue;
      }
      return { x, value, iterations: iteration, converged: maxAbs(free) < NOISE_GRADIENT };
    }

    for (let i = 0; i < n; i += 1) {
      s[i] = trial[i]! - x[i]!;
      y[i] = trialGradient[i]! - gradient[i]!;
    }
    [x, trial] = [trial, x];
    [gradient, trialGradient] = [trialGradient, gradient];
    value = trialValue;
    projectGradient(x, gradient, bound, free);
    if (before - value <= 1e-15 * Math.abs(value) && maxAbs(free) < NOISE_GRADIENT) {
      // At the noise floor: f no longer changes and the gradient is as small as rounding allows.
      return { x, value, iterations: iteration + 1, converged: true };
    }

    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) scaleIdentity(h, sy / dot(y, y));
      updateInverseHessian(h, s, y, sy);
      fresh = false;
    }
  }
  projectGradient(x, gradient, bound, free);
  return { x, value, iterations: maxIterations, converged: maxAbs(free) < tolerance };
}

/**
 * Copies `v` into `out` with the components that would push a coordinate sitting at a
 * bound further out set to 0: a gradient (sign 1) points out where it is negative at the
 * upper bound, a direction (sign −1) where it is positive there. At a bound the objective
 * may still slope outwards (data that cannot pin a parameter down); that slope is not
 * something left to minimise.
 */
function projectGradient(
  x: Float64Array,
  v: Float64Array,
  bound: number,
  out: Float64Array,
  sign = 1,
): void {
  for (let i = 0; i < x.length; i += 1) {
    const outward = sign * v[i]!;
    const blocked = (x[i]! >= bound && outward < 0) || (x[i]! <= -bound && outward > 0);
    out[i] = blocked ? 0 : v[i]!;
  }
}

/**
 * BFGS update of the inverse Hessian H (row-major n × n), with ρ = 1 / sᵀy:
 * H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ
 *   = H − ρ (s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ   (H symmetric).
 */
function updateInverseHessian(h: Float64Array, s: Float64Array, y: Float64Array, sy: number) {
  const n = s.length;
  const hy = new Float64Array(n);
  multiply(h, y, hy, 1);
  const rho = 1 / sy;
  const yhy = dot(y, hy);
  const ss = rho * rho * yhy + rho;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      h[i * n + j] = h[i * n + j]! - rho * (s[i]! * hy[j]! + hy[i]! * s[j]!) + ss * s[i]! * s[j]!;
    }
  }
}

function identity(n: number): Float64Array {
  const h = new Float64Array(n * n);
  resetIdentity(h);
  return h;
}

function resetIdentity(h: Float64Array): void {
  scaleIdentity(h, 1);
}

function scaleIdentity(h: Float64Array, scale: number): void {
  const n = Math.round(Math.sqrt(h.length));
  h.fill(0);
  for (let i = 0; i < n; i += 1) h[i * n + i] = scale;
}

/** out = sign · H v. */
function multiply(h: Float64Array, v: Float64Array, out: Float64Array, sign: number): void {
  const n = v.length;
  for (let i = 0; i < n; i += 1) {
    let sum = 0;
    for (let j = 0; j < n; j += 1) sum += h[i * n + j]! * v[j]!;
    out[i] = sign * sum;
  }
}

function dot(u: Float64Array, v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < u.length; i += 1) sum += u[i]! * v[i]!;
  return sum;
}

function maxAbs(v: Float64Array): number {
  let max = 0;
  for (let i = 0; i < v.length; i += 1) max = Math.max(max, Math.abs(v[i]!));
  return max;
}
