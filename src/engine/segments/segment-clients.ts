import type { MetricColumns } from '$engine/features';
import { featureMatrix, type ColumnScale, type SegmentFeature } from './feature-matrix';
import { kmeans, type KMeansResult } from './kmeans';
import { pca, project } from './pca';
import { silhouette } from './silhouette';
import { sizeOrder, stableOrder } from './stable-labels';

/** The numbers of clusters tried when k is chosen by the silhouette. */
export const K_RANGE = { min: 2, max: 8 } as const;

/** Below this best silhouette the data is said to have no clear structure (Kaufman & Rousseeuw: "weak"). */
export const CLEAR_STRUCTURE = 0.25;

/** A feature's mean this many standard deviations from the base's makes it a cluster's trait. */
export const TRAIT_THRESHOLD = 0.5;
/** At most this many traits name a cluster. */
export const MAX_TRAITS = 2;

/** The previous run's centres, in the features' own (logged, clipped) units, to number clusters alike. */
export interface PreviousCentroids {
  features: readonly SegmentFeature[];
  /** k × features, row-major. */
  centroids: Float64Array;
}

export interface SegmentInput {
  metrics: MetricColumns;
  /** The clients to cluster (indexes into the metric columns). */
  clients: Int32Array;
  features: readonly SegmentFeature[];
  /** A fixed number of clusters, or null: the best silhouette over `K_RANGE`. */
  k: number | null;
  seed: number;
  previous?: PreviousCentroids | null;
  /** Called after each k is tried: done of total steps. */
  onProgress?: (done: number, total: number) => void;
}

/** A feature far from the base's mean in a cluster: what its suggested name says. */
export interface Trait {
  feature: SegmentFeature;
  high: boolean;
  /** The cluster's mean in standard deviations from the base's (standardised units). */
  z: number;
}

export interface ClusterProfile {
  cluster: number;
  size: number;
  /** Mean of each feature over the cluster's clients who have it, in its own units (NaN: none has). */
  means: number[];
  /** The centroid in standardised units. */
  z: number[];
  /** Up to `MAX_TRAITS`, strongest first; none: an ordinary cluster. */
  traits: Trait[];
}

export interface Segmentation {
  features: SegmentFeature[];
  k: number;
  chosenBy: 'silhouette' | 'manual';
  /** Every k tried, with its mean silhouette width and within-cluster sum of squares. */
  curve: { k: number; silhouette: number; inertia: number }[];
  /** The silhouette of the chosen k. */
  silhouette: number;
  /** Whether the best silhouette reaches `CLEAR_STRUCTURE`. */
  clearStructure: boolean;
  /** The client of each clustered row, and its cluster (0 … k − 1, numbered stably). */
  clients: Int32Array;
  labels: Int32Array;
  profiles: ClusterProfile[];
  /** Mean of each feature over every clustered client who has it, in its own units. */
  baseMeans: number[];
  /** The first two principal components' share of the variance. */
  explained: [number, number];
  /** Each row's first and second principal coordinates. */
  coordinates: [Float64Array, Float64Array];
  /** The cluster centres for the next run's numbering (see `PreviousCentroids`). */
  centroids: PreviousCentroids;
}

/**
 * Clusters clients on their standardised features (docs/segments.md): K-means for each k
 * of `K_RANGE` (or the one asked), the silhouette of each, the best kept; clusters
 * numbered as in the previous run when the features are the same, else by size; each
 * cluster profiled and its traits picked for a name; every client placed on the first
 * two principal components. Deterministic for a given seed. Null with fewer than three
 * clients (two clusters of one say nothing).
 */
export function segmentClients(input: SegmentInput): Segmentation | null {
  const { metrics, clients, features, seed } = input;
  if (clients.length < 3 || features.length === 0) return null;
  const matrix = featureMatrix(metrics, features, clients);
  const { points } = matrix;
  const largest = Math.min(K_RANGE.max, points.rows - 1);
  const asked = input.k === null ? null : Math.min(Math.max(input.k, K_RANGE.min), largest);
  const ks: number[] = [];
  for (let k = K_RANGE.min; k <= largest; k += 1) ks.push(k);
  const runs = new Map<number, KMeansResult>();
  const curve: Segmentation['curve'] = [];
  ks.forEach((k, step) => {
    const run = kmeans(points, k, { seed });
    runs.set(k, run);
    curve.push({
      k,
      silhouette: silhouette(points, run.labels, k, { seed }),
      inertia: run.inertia,
    });
    input.onProgress?.(step + 1, ks.length + 1);
  });
  const best = curve.reduce((a, b) => (b.silhouette > a.silhouette ? b : a));
  const k = asked ?? best.k;
  const run = runs.get(k)!;
  const dims = points.dims;
  const previous = samePrevious(input.previous, features, matrix.scales);
  const order =
    previous === null ? sizeOrder(run.labels, k) : stableOrder(run.centroids, previous, dims);
  const labels = run.labels.map((c) => order[c]!);
  const centroids = new Float64Array(k * dims);
  for (let c = 0; c < k; c += 1) {
    centroids.set(run.centroids.subarray(c * dims, c * dims + dims), order[c]! * dims);
  }
  const components = pca(points);
  const [x, y] = project(points, components, 2);
  input.onProgress?.(ks.length + 1, ks.length + 1);
  return {
    features: [...features],
    k,
    chosenBy: asked === null ? 'silhouette' : 'manual',
    curve,
    silhouette: curve.find((point) => point.k === k)!.silhouette,
    clearStructure: best.silhouette >= CLEAR_STRUCTURE,
    clients,
    labels,
    profiles: profiles(matrix.raw, labels, centroids, k, features),
    baseMeans: features.map((_, j) => meanOf(matrix.raw, dims, j, null, 0)),
    explained: [components.explained[0] ?? 0, components.explained[1] ?? 0],
    coordinates: [x ?? new Float64Array(points.rows), y ?? new Float64Array(points.rows)],
    centroids: { features: [...features], centroids: unscale(centroids, matrix.scales) },
  };
}

/** The previous centres in this run's standardised units, when made from the same features. */
function samePrevious(
  previous: PreviousCentroids | null | undefined,
  features: readonly SegmentFeature[],
  scales: readonly ColumnScale[],
): Float64Array | null {
  if (!previous || previous.features.join() !== features.join()) return null;
  const dims = scales.length;
  return previous.centroids.map((value, i) => {
    const scale = scales[i % dims]!;
    return scale.sd > 0 ? (value - scale.mean) / scale.sd : 0;
  });
}

/** Standardised centres back in the features' (logged, clipped) units. */
function unscale(centroids: Float64Array, scales: readonly ColumnScale[]): Float64Array {
  const dims = scales.length;
  return centroids.map((z, i) => {
    const scale = scales[i % dims]!;
    return scale.mean + z * scale.sd;
  });
}

function profiles(
  raw: Float64Array,
  labels: Int32Array,
  centroids: Float64Array,
  k: number,
  features: readonly SegmentFeature[],
): ClusterProfile[] {
  const dims = features.length;
  const sizes = new Int32Array(k);
  labels.forEach((c) => (sizes[c] = sizes[c]! + 1));
  return Array.from({ length: k }, (_, cluster) => {
    const z = Array.from(centroids.subarray(cluster * dims, cluster * dims + dims));
    const traits = z
      .map((value, j): Trait => ({ feature: features[j]!, high: value > 0, z: value }))
      .filter((trait) => Math.abs(trait.z) >= TRAIT_THRESHOLD)
      .sort((a, b) => Math.abs(b.z) - Math.abs(a.z))
      .slice(0, MAX_TRAITS);
    return {
      cluster,
      size: sizes[cluster]!,
      means: features.map((_, j) => meanOf(raw, dims, j, labels, cluster)),
      z,
      traits,
    };
  });
}

/** Mean of column j over the rows of `cluster` (every row when `labels` is null) that have a value. */
function meanOf(
  raw: Float64Array,
  dims: number,
  j: number,
  labels: Int32Array | null,
  cluster: number,
): number {
  let sum = 0;
  let count = 0;
  for (let row = 0; row * dims < raw.length; row += 1) {
    const x = raw[row * dims + j]!;
    if (Number.isFinite(x) && (labels === null || labels[row] === cluster)) {
      sum += x;
      count += 1;
    }
  }
  return count > 0 ? sum / count : NaN;
}
