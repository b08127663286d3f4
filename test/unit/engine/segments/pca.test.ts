import { describe, expect, it } from 'vitest';
import { jacobiEigen, pca, project, type PointMatrix } from '$engine/index';
import { createRandom } from '$lib/random';

function correlated(rows: number, seed: number): PointMatrix {
  const random = createRandom(seed);
  const values = new Float64Array(rows * 4);
  for (let i = 0; i < rows; i += 1) {
    const u = random.normal() * 3;
    const v = random.normal();
    values.set([u, 0.5 * u + v, random.normal() * 0.2, v - u], i * 4);
  }
  return { values, rows, dims: 4 };
}

describe('pca', () => {
  const result = pca(correlated(500, 3));

  it('gives orthonormal components', () => {
    result.components.forEach((p, a) => {
      result.components.forEach((q, b) => {
        const dot = p.reduce((sum, x, j) => sum + x * q[j]!, 0);
        expect(dot).toBeCloseTo(a === b ? 1 : 0, 10);
      });
    });
  });

  it('orders the components by variance, with shares summing to 1', () => {
    for (let p = 1; p < result.variances.length; p += 1) {
      expect(result.variances[p]!).toBeLessThanOrEqual(result.variances[p - 1]!);
    }
    expect(result.explained.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });

  it('finds the hand-computed components of a 2-D case', () => {
    // Points on the line y = x (±1, ±1) plus (±1, ∓1) at a tenth: covariance [[a, b], [b, a]]
    // has eigenvectors (1, 1)/√2 and (1, −1)/√2, the first with the larger variance.
    const values = Float64Array.of(1, 1, -1, -1, 2, 2, -2, -2, 0.1, -0.1, -0.1, 0.1);
    const { components, variances } = pca({ values, rows: 6, dims: 2 });
    expect(components[0]![0]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(components[0]![1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(Math.abs(components[1]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    // Variance along (1,1)/√2: (2 + 2 + 8 + 8) / 5 = 4; along (1,−1)/√2: 0.02 · 2 / 5 = 0.008.
    expect(variances[0]).toBeCloseTo(4, 12);
    expect(variances[1]).toBeCloseTo(0.008, 12);
    const [x] = project({ values, rows: 6, dims: 2 }, pca({ values, rows: 6, dims: 2 }), 1);
    expect(x![0]).toBeCloseTo(Math.SQRT2, 12);
  });

  it('solves A v = λ v for a symmetric matrix', () => {
    const a = [
      [4, 1, 2],
      [1, 3, 0],
      [2, 0, 5],
    ];
    const { eigenvalues, eigenvectors } = jacobiEigen(a);
    eigenvalues.forEach((lambda, p) => {
      const v = eigenvectors.map((row) => row[p]!);
      a.forEach((row, i) => {
        expect(row.reduce((s, x, j) => s + x * v[j]!, 0)).toBeCloseTo(lambda * v[i]!, 10);
      });
    });
    expect(eigenvalues.reduce((s, x) => s + x, 0)).toBeCloseTo(12, 10); // the trace
  });
});
