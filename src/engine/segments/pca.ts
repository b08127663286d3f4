import type { PointMatrix } from './kmeans';

export interface PcaResult {
  /** Unit-length components, strongest first: `components[p][j]` is feature j's loading. */
  components: number[][];
  /** The variance along each component (the covariance matrix's eigenvalues), strongest first. */
  variances: number[];
  /** Each component's share of the total variance, 0–1. */
  explained: number[];
}

/**
 * Principal components of `points` (the columns are centred here; the segments pass
 * standardised features, so this is PCA on the correlation matrix). The covariance matrix
 * is only features × features (5 × 5 by default), so its eigenvectors come from the cyclic
 * Jacobi method, exact to rounding for a symmetric matrix, in a few dozen lines; `ml-pca`
 * would first copy 50,000 rows into its own matrix type. Each component's sign is fixed
 * so that its largest loading is positive: the same data always gives the same picture.
 */
export function pca(points: PointMatrix): PcaResult {
  const { values, rows, dims } = points;
  const means = new Float64Array(dims);
  for (let i = 0; i < rows; i += 1) {
    for (let j = 0; j < dims; j += 1) means[j] = means[j]! + values[i * dims + j]!;
  }
  for (let j = 0; j < dims; j += 1) means[j] = means[j]! / Math.max(1, rows);
  const covariance: number[][] = Array.from({ length: dims }, () =>
    new Array<number>(dims).fill(0),
  );
  for (let i = 0; i < rows; i += 1) {
    for (let a = 0; a < dims; a += 1) {
      const da = values[i * dims + a]! - means[a]!;
      for (let b = a; b < dims; b += 1)
        covariance[a]![b] = covariance[a]![b]! + da * (values[i * dims + b]! - means[b]!);
    }
  }
  const divisor = Math.max(1, rows - 1);
  for (let a = 0; a < dims; a += 1) {
    for (let b = a; b < dims; b += 1) {
      covariance[a]![b] = covariance[a]![b]! / divisor;
      covariance[b]![a] = covariance[a]![b]!;
    }
  }
  const { eigenvalues, eigenvectors } = jacobiEigen(covariance);
  const order = eigenvalues
    .map((_, p) => p)
    .sort((p, q) => eigenvalues[q]! - eigenvalues[p]! || p - q);
  const components = order.map((p) => orient(eigenvectors.map((row) => row[p]!)));
  const variances = order.map((p) => Math.max(0, eigenvalues[p]!));
  const total = variances.reduce((sum, v) => sum + v, 0);
  return { components, variances, explained: variances.map((v) => (total > 0 ? v / total : 0)) };
}

/**
 * The first `count` principal coordinates of each point: ((x − mean) · component), as
 * `count` columns of `rows` values each.
 */
export function project(points: PointMatrix, result: PcaResult, count = 2): Float64Array[] {
  const { values, rows, dims } = points;
  const means = new Float64Array(dims);
  for (let i = 0; i < rows; i += 1) {
    for (let j = 0; j < dims; j += 1) means[j] = means[j]! + values[i * dims + j]!;
  }
  for (let j = 0; j < dims; j += 1) means[j] = means[j]! / Math.max(1, rows);
  return result.components.slice(0, count).map((component) => {
    const column = new Float64Array(rows);
    for (let i = 0; i < rows; i += 1) {
      let sum = 0;
      for (let j = 0; j < dims; j += 1) sum += (values[i * dims + j]! - means[j]!) * component[j]!;
      column[i] = sum;
    }
    return column;
  });
}

/** Flips a vector so that its largest entry (by magnitude; the first on a tie) is positive. */
function orient(vector: number[]): number[] {
  let largest = 0;
  vector.forEach((v, j) => {
    if (Math.abs(v) > Math.abs(vector[largest]!) + 1e-12) largest = j;
  });
  return (vector[largest] ?? 0) < 0 ? vector.map((v) => -v) : vector;
}

/**
 * Eigenvalues and eigenvectors (as the columns of `eigenvectors`) of a symmetric matrix by
 * cyclic Jacobi rotations, until the off-diagonal part is negligible.
 */
export function jacobiEigen(matrix: readonly (readonly number[])[]): {
  eigenvalues: number[];
  eigenvectors: number[][];
} {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  for (let sweep = 0; sweep < 100; sweep += 1) {
    let off = 0;
    for (let p = 0; p < n; p += 1) for (let q = p + 1; q < n; q += 1) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p += 1) {
      for (let q = p + 1; q < n; q += 1) {
        const apq = a[p]![q]!;
        if (Math.abs(apq) < 1e-300) continue;
        // The rotation angle that zeroes a[p][q] (Numerical Recipes' stable form).
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < n; r += 1) {
          const arp = a[r]![p]!;
          const arq = a[r]![q]!;
          a[r]![p] = c * arp - s * arq;
          a[r]![q] = s * arp + c * arq;
        }
        for (let r = 0; r < n; r += 1) {
          const apr = a[p]![r]!;
          const aqr = a[q]![r]!;
          a[p]![r] = c * apr - s * aqr;
          a[q]![r] = s * apr + c * aqr;
        }
        for (let r = 0; r < n; r += 1) {
          const vrp = v[r]![p]!;
          const vrq = v[r]![q]!;
          v[r]![p] = c * vrp - s * vrq;
          v[r]![q] = s * vrp + c * vrq;
        }
      }
    }
  }
  return { eigenvalues: a.map((row, i) => row[i]!), eigenvectors: v };
}
