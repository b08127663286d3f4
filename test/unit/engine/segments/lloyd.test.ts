import { describe, expect, it } from 'vitest';
import { lloyd } from '$engine/segments/lloyd';
import type { PointMatrix } from '$engine/index';
import { createRandom } from '$lib/random';

/** Lloyd's algorithm the slow, obvious way: every distance every round. */
function plainLloyd(points: PointMatrix, start: Float64Array): Int32Array {
  const { values, rows, dims } = points;
  const centroids = Float64Array.from(start);
  const k = centroids.length / dims;
  const labels = new Int32Array(rows).fill(-1);
  for (let round = 0; round < 1000; round += 1) {
    let changed = false;
    for (let i = 0; i < rows; i += 1) {
      let best = 0;
      let bestDistance = Infinity;
      for (let c = 0; c < k; c += 1) {
        let d = 0;
        for (let j = 0; j < dims; j += 1)
          d += (values[i * dims + j]! - centroids[c * dims + j]!) ** 2;
        if (d < bestDistance) [best, bestDistance] = [c, d];
      }
      if (labels[i] !== best) [labels[i], changed] = [best, true];
    }
    if (!changed) break;
    for (let c = 0; c < k; c += 1) {
      const members = [...labels.keys()].filter((i) => labels[i] === c);
      for (let j = 0; j < dims; j += 1) {
        centroids[c * dims + j] =
          members.reduce((s, i) => s + values[i * dims + j]!, 0) / members.length;
      }
    }
  }
  return labels;
}

describe('lloyd with Hamerly’s bounds', () => {
  it('ends with the same clusters as plain Lloyd iterations from the same centres', () => {
    for (const [seed, rows, dims, k] of [
      [1, 300, 2, 3],
      [2, 500, 5, 6],
      [3, 400, 3, 8],
      [4, 200, 1, 4],
    ] as const) {
      const random = createRandom(seed);
      // Overlapping blobs: many points change cluster over several rounds.
      const values = Float64Array.from(
        { length: rows * dims },
        (_, i) => random.normal() + (Math.floor(i / dims) % 3) * 1.5,
      );
      const points = { values, rows, dims };
      const start = values.slice(0, k * dims); // the first k points, all distinct
      const fast = lloyd(points, start, 1000);
      expect([...fast.labels], `case ${seed}`).toEqual([...plainLloyd(points, start)]);
      // The centres are the means of their clusters.
      for (let c = 0; c < k; c += 1) {
        const members = [...fast.labels.keys()].filter((i) => fast.labels[i] === c);
        expect(members.length).toBeGreaterThan(0);
        const mean = members.reduce((s, i) => s + values[i * dims]!, 0) / members.length;
        expect(fast.centroids[c * dims]).toBeCloseTo(mean, 10);
      }
    }
  });
});
