import type { MetricColumns } from '$engine/features';
import type { MetricKey } from '$engine/model';
import type { PointMatrix } from './kmeans';

/** The measures a segmentation may use, in the order the view lists them. */
export const SEGMENT_FEATURES = [
  'recencyDays',
  'frequency',
  'monetaryTotal',
  'averageOrderValue',
  'profit',
  'margin',
  'clv12m',
  'satisfaction',
  'tenureDays',
  'onTimeShare',
] as const satisfies readonly MetricKey[];
export type SegmentFeature = (typeof SEGMENT_FEATURES)[number];

export const DEFAULT_SEGMENT_FEATURES: readonly SegmentFeature[] = [
  'recencyDays',
  'frequency',
  'monetaryTotal',
  'margin',
  'satisfaction',
];

/** Amounts of money, spread over orders of magnitude: clustered on a signed log scale. */
const MONEY: ReadonlySet<SegmentFeature> = new Set([
  'monetaryTotal',
  'averageOrderValue',
  'profit',
  'clv12m',
]);

/** The share cut off at each end before standardising (1st and 99th percentiles). */
export const WINSOR_SHARE = 0.01;

/** How each feature column was brought to the common scale, to map centroids back. */
export interface ColumnScale {
  feature: SegmentFeature;
  /** Whether the values were log-transformed first (`signedLog`). */
  logged: boolean;
  /** The 1st and 99th percentiles the (transformed) values were clipped to. */
  low: number;
  high: number;
  /** The median that stood in for missing values. */
  median: number;
  /** Mean and standard deviation of the clipped values; sd 0 gives a column of zeros. */
  mean: number;
  sd: number;
}

export interface FeatureMatrix {
  /** Standardised features, one row per clustered client. */
  points: PointMatrix;
  /** The client (index into the metric columns) of each row. */
  clients: Int32Array;
  scales: ColumnScale[];
  /** The untransformed value of each row's features (NaN = no data), row-major like `points`. */
  raw: Float64Array;
}

/** sign(x) · ln(1 + |x|): a log scale that keeps zero and negative amounts (a loss). */
export function signedLog(x: number): number {
  return Math.sign(x) * Math.log1p(Math.abs(x));
}

/**
 * The matrix K-means clusters: for each of `clients` and each feature, the value
 * (log-scaled for money), clipped to the column's 1st–99th percentiles so a handful of
 * extreme clients cannot pull a centroid of their own, missing values set to the
 * column's median, then standardised to mean 0 and standard deviation 1 so every feature
 * weighs the same in the distance.
 */
export function featureMatrix(
  metrics: MetricColumns,
  features: readonly SegmentFeature[],
  clients: Int32Array,
): FeatureMatrix {
  const rows = clients.length;
  const dims = features.length;
  const values = new Float64Array(rows * dims);
  const raw = new Float64Array(rows * dims);
  const scales = features.map((feature, j): ColumnScale => {
    const source = metrics[feature];
    const logged = MONEY.has(feature);
    const column = new Float64Array(rows);
    for (let r = 0; r < rows; r += 1) {
      const x = source[clients[r]!]!;
      raw[r * dims + j] = x;
      column[r] = logged && Number.isFinite(x) ? signedLog(x) : x;
    }
    // A loop, not `column.filter(Number.isFinite)`: a typed array's filter took about
    // 100 ms per 50,000-value column in V8, the loop a fraction of a millisecond.
    const finite = new Float64Array(rows);
    let count = 0;
    for (let r = 0; r < rows; r += 1) {
      const x = column[r]!;
      if (Number.isFinite(x)) finite[count++] = x;
    }
    const known = finite.subarray(0, count).sort();
    // A column no client has a value in is all zeros (its median stands in everywhere).
    const empty = known.length === 0;
    const low = empty ? 0 : quantile(known, WINSOR_SHARE);
    const high = empty ? 0 : quantile(known, 1 - WINSOR_SHARE);
    const median = empty ? 0 : quantile(known, 0.5);
    let sum = 0;
    for (let r = 0; r < rows; r += 1) {
      const x = column[r]!;
      column[r] = Number.isFinite(x) ? Math.min(high, Math.max(low, x)) : median;
      sum += column[r]!;
    }
    const mean = rows > 0 ? sum / rows : 0;
    let squares = 0;
    for (let r = 0; r < rows; r += 1) squares += (column[r]! - mean) ** 2;
    const sd = rows > 1 ? Math.sqrt(squares / (rows - 1)) : 0;
    for (let r = 0; r < rows; r += 1) values[r * dims + j] = sd > 0 ? (column[r]! - mean) / sd : 0;
    return { feature, logged, low, high, median, mean, sd };
  });
  return { points: { values, rows, dims }, clients, scales, raw };
}

/** The q-quantile of sorted values, linear between order statistics (NaN when empty). */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below]! + (position - below) * (sorted[above]! - sorted[below]!);
}
