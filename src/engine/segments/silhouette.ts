import { createRandom } from '$lib/random';
import type { PointMatrix } from './kmeans';

/** Above this many points the silhouette is taken on a seeded sample of this size. */
export const SILHOUETTE_SAMPLE = 2000;

/**
 * The mean silhouette width (Rousseeuw, 1987) of a clustering, with Euclidean distances:
 * for point i, a(i) is its mean distance to the other points of its cluster, b(i) the
 * lowest mean distance to the points of another cluster, and
 * s(i) = (b(i) − a(i)) / max(a(i), b(i)); s(i) = 0 for a point alone in its cluster.
 * The result is the mean of s(i), between −1 and 1 (NaN with fewer than two clusters).
 *
 * It costs n² distances, so above `sampleSize` points it is computed on a sample drawn
 * with `seed` (every distance within the sample, as scikit-learn's `sample_size` does):
 * 2,000 points make 2 million distances, and an estimate within about ±0.02.
 */
export function silhouette(
  points: PointMatrix,
  labels: Int32Array,
  k: number,
  options: { seed: number; sampleSize?: number },
): number {
  if (k < 2) return NaN;
  const indexes = sampleIndexes(points.rows, options.sampleSize ?? SILHOUETTE_SAMPLE, options.seed);
  return meanSilhouette(points, labels, k, indexes);
}

/** Every index when `size` ≥ rows; else `size` distinct indexes, drawn with `seed`, sorted. */
export function sampleIndexes(rows: number, size: number, seed: number): Int32Array {
  const all = new Int32Array(rows);
  for (let i = 0; i < rows; i += 1) all[i] = i;
  if (size >= rows) return all;
  // A partial Fisher–Yates shuffle: the first `size` places are a uniform sample.
  const random = createRandom(seed);
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(random.next() * (rows - i));
    const swap = all[i]!;
    all[i] = all[j]!;
    all[j] = swap;
  }
  return all.subarray(0, size).sort();
}

function meanSilhouette(
  points: PointMatrix,
  labels: Int32Array,
  k: number,
  indexes: Int32Array,
): number {
  const { values, dims } = points;
  const m = indexes.length;
  // The sample's points and clusters side by side: the n² loop reads them in order.
  const sample = new Float64Array(m * dims);
  const clusters = new Int32Array(m);
  const sizes = new Int32Array(k);
  for (let s = 0; s < m; s += 1) {
    const i = indexes[s]!;
    sample.set(values.subarray(i * dims, i * dims + dims), s * dims);
    const c = labels[i]!;
    clusters[s] = c;
    sizes[c] = sizes[c]! + 1;
  }
  // sums[s * k + c]: the summed distance from sample point s to the sample points of c.
  const sums = new Float64Array(m * k);
  for (let s = 0; s < m; s += 1) {
    const cs = clusters[s]!;
    for (let t = s + 1; t < m; t += 1) {
      let squared = 0;
      for (let d = 0; d < dims; d += 1) {
        const diff = sample[s * dims + d]! - sample[t * dims + d]!;
        squared += diff * diff;
      }
      const distance = Math.sqrt(squared);
      const ct = clusters[t]!;
      sums[s * k + ct] = sums[s * k + ct]! + distance;
      sums[t * k + cs] = sums[t * k + cs]! + distance;
    }
  }
  let total = 0;
  for (let s = 0; s < m; s += 1) {
    const own = clusters[s]!;
    if (sizes[own]! <= 1) continue; // s(i) = 0
    const a = sums[s * k + own]! / (sizes[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c += 1) {
      if (c === own || sizes[c] === 0) continue;
      b = Math.min(b, sums[s * k + c]! / sizes[c]!);
    }
    const width = Math.max(a, b);
    if (Number.isFinite(b) && width > 0) total += (b - a) / width;
  }
  return m === 0 ? NaN : total / m;
}
