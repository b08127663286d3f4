import { describe, expect, it } from 'vitest';
import { sampleIndexes, silhouette, type PointMatrix } from '$engine/index';

const line = (...xs: number[]): PointMatrix => ({
  values: Float64Array.from(xs),
  rows: xs.length,
  dims: 1,
});

describe('silhouette', () => {
  it('equals the hand-computed mean width on a small case', () => {
    // Points 0, 1 (cluster A) and 4, 6 (cluster B) on a line.
    // 0: a = 1, b = (4 + 6)/2 = 5 → 4/5.   1: a = 1, b = (3 + 5)/2 = 4 → 3/4.
    // 4: a = 2, b = (4 + 3)/2 = 3.5 → 1.5/3.5.   6: a = 2, b = (6 + 5)/2 = 5.5 → 3.5/5.5.
    const expected = (4 / 5 + 3 / 4 + 1.5 / 3.5 + 3.5 / 5.5) / 4;
    expect(silhouette(line(0, 1, 4, 6), Int32Array.of(0, 0, 1, 1), 2, { seed: 1 })).toBeCloseTo(
      expected,
      12,
    );
  });

  it('counts a point alone in its cluster as 0, and uses Euclidean distance in 2-D', () => {
    // (0,0) and (3,4) in A (5 apart), (0,8) alone in B.
    // (0,0): a = 5, b = 8 → 3/8.  (3,4): a = 5, b = 5 → 0.  (0,8): alone → 0.
    const points: PointMatrix = { values: Float64Array.of(0, 0, 3, 4, 0, 8), rows: 3, dims: 2 };
    expect(silhouette(points, Int32Array.of(0, 0, 1), 2, { seed: 1 })).toBeCloseTo(3 / 8 / 3, 12);
  });

  it('is taken on a seeded sample above the sample size, the same each time', () => {
    const xs = Array.from({ length: 300 }, (_, i) => (i % 2) * 10 + (i % 7) / 7);
    const labels = Int32Array.from(xs, (_, i) => i % 2);
    const a = silhouette(line(...xs), labels, 2, { seed: 4, sampleSize: 50 });
    expect(silhouette(line(...xs), labels, 2, { seed: 4, sampleSize: 50 })).toBe(a);
    expect(a).toBeGreaterThan(0.9);
    const sample = sampleIndexes(300, 50, 4);
    expect(new Set(sample).size).toBe(50);
    expect([...sample]).toEqual([...sample].sort((p, q) => p - q));
  });
});
