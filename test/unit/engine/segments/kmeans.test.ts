import { describe, expect, it } from 'vitest';
import { kmeans, type PointMatrix } from '$engine/index';
import { createRandom } from '$lib/random';
import { adjustedRandIndex } from './adjusted-rand';

/** `perCluster` points around each of `centres` (dims each), spread `spread` per axis. */
export function planted(
  centres: number[][],
  perCluster: number,
  spread: number,
  seed: number,
): { points: PointMatrix; truth: Int32Array } {
  const random = createRandom(seed);
  const dims = centres[0]!.length;
  const rows = centres.length * perCluster;
  const values = new Float64Array(rows * dims);
  const truth = new Int32Array(rows);
  for (let i = 0; i < rows; i += 1) {
    // Interleaved, so the clusters are not in blocks the seeding could exploit.
    const c = i % centres.length;
    truth[i] = c;
    for (let j = 0; j < dims; j += 1)
      values[i * dims + j] = centres[c]![j]! + spread * random.normal();
  }
  return { points: { values, rows, dims }, truth };
}

const CENTRES = [
  [0, 0, 0, 0, 0],
  [6, 0, 0, 0, 0],
  [0, 6, 0, 0, 0],
  [0, 0, 6, 0, 6],
];

describe('kmeans', () => {
  it('finds planted clusters (adjusted Rand index above 0.9)', () => {
    const { points, truth } = planted(CENTRES, 250, 1, 7);
    const result = kmeans(points, 4, { seed: 1 });
    expect(adjustedRandIndex(result.labels, truth)).toBeGreaterThan(0.9);
    expect(result.centroids).toHaveLength(4 * 5);
  });

  it('gives the same result for the same seed', () => {
    const { points } = planted(CENTRES, 100, 2.5, 3);
    const a = kmeans(points, 5, { seed: 42 });
    const b = kmeans(points, 5, { seed: 42 });
    expect(b.labels).toEqual(a.labels);
    expect(b.centroids).toEqual(a.centroids);
    expect(b.inertia).toBe(a.inertia);
  });

  it('keeps the start with the lowest within-cluster sum of squares', () => {
    const { points } = planted(CENTRES, 60, 2, 11);
    const one = kmeans(points, 4, { seed: 5, restarts: 1 });
    const many = kmeans(points, 4, { seed: 5, restarts: 8 });
    expect(many.inertia).toBeLessThanOrEqual(one.inertia);
  });

  it('computes centroids as the means and inertia as the summed squared distances', () => {
    const points: PointMatrix = {
      values: Float64Array.of(0, 0, 0, 2, 10, 10, 10, 12),
      rows: 4,
      dims: 2,
    };
    const result = kmeans(points, 2, { seed: 9 });
    const first = result.labels[0]!;
    expect([...result.labels]).toEqual([first, first, 1 - first, 1 - first]);
    expect([...result.centroids.subarray(first * 2, first * 2 + 2)]).toEqual([0, 1]);
    expect(result.inertia).toBe(4); // four points each 1 from their centre
  });

  it('refuses a k larger than the number of points', () => {
    const points: PointMatrix = { values: Float64Array.of(1, 2), rows: 2, dims: 1 };
    expect(() => kmeans(points, 3, { seed: 1 })).toThrow(RangeError);
  });
});
