/**
 * How concentrated revenue is among clients: the Gini coefficient, the concentration
 * (Pareto) curve and the top 20%'s share, each from values sorted largest first.
 */

/** Most points of the concentration curve. */
const MAX_CURVE_POINTS = 200;

/**
 * Gini coefficient of positive values sorted descending: G = Σ (2i − n − 1) x₍ᵢ₎ / (n Σ x)
 * with x₍ᵢ₎ ascending, i = 1…n. Null under two values.
 */
export function gini(descending: ArrayLike<number>): number | null {
  const n = descending.length;
  if (n < 2) return null;
  let total = 0;
  let weighted = 0;
  for (let k = 0; k < n; k += 1) {
    const x = descending[n - 1 - k]!; // ascending, i = k + 1
    total += x;
    weighted += (2 * (k + 1) - n - 1) * x;
  }
  return total > 0 ? weighted / (n * total) : null;
}

/** The Lorenz-style concentration curve, at most `MAX_CURVE_POINTS` points from (0, 0). */
export function concentrationCurve(descending: ArrayLike<number>): { x: number; y: number }[] {
  const n = descending.length;
  const total = sum(descending, n);
  if (n === 0 || total <= 0) return [];
  const step = Math.max(1, Math.ceil(n / MAX_CURVE_POINTS));
  const points = [{ x: 0, y: 0 }];
  let cumulative = 0;
  for (let k = 0; k < n; k += 1) {
    cumulative += descending[k]!;
    if ((k + 1) % step === 0 || k === n - 1) points.push({ x: (k + 1) / n, y: cumulative / total });
  }
  return points;
}

/** Share of the total made by the top 20% of values (at least one value). */
export function top20Share(descending: ArrayLike<number>): number | null {
  const total = sum(descending, descending.length);
  if (descending.length === 0 || total <= 0) return null;
  return sum(descending, Math.max(1, Math.round(descending.length * 0.2))) / total;
}

/** Sum of the first `count` values. */
function sum(values: ArrayLike<number>, count: number): number {
  let total = 0;
  for (let k = 0; k < count; k += 1) total += values[k]!;
  return total;
}
