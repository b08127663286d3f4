import type { ScoresRecord } from '$db/derived-records';
import {
  sampleIndexes,
  type ClusterProfile,
  type Segmentation,
  type SegmentFeature,
} from '$engine/index';
import type { ScoringModel } from '$schema/scoring-model';

/** The scatter draws at most this many clients (a seeded sample above it; the chart says so). */
export const SCATTER_POINTS = 3000;

/** A segmentation as the page draws it: summaries and a sample, never a column per client. */
export interface SegmentsData {
  /** Names this run for `saveSegmentTag`. */
  runId: number;
  /** The scores the clients' tiers come from. */
  computedAt: string;
  /** Scored clients left out because they have never bought (nothing to measure). */
  withoutPurchases: number;
  /** Null when fewer than three clients have bought. */
  result: SegmentsResult | null;
}

export interface SegmentsResult {
  features: SegmentFeature[];
  k: number;
  chosenBy: Segmentation['chosenBy'];
  curve: Segmentation['curve'];
  silhouette: number;
  clearStructure: boolean;
  /** Clients clustered. */
  clustered: number;
  profiles: ClusterProfile[];
  baseMeans: number[];
  explained: [number, number];
  scatter: {
    x: Float32Array;
    y: Float32Array;
    cluster: Uint8Array;
    /** Index into `tierIds`. */
    tier: Uint8Array;
  };
  /** The model's tier ids, best first. */
  tierIds: string[];
  /** Clients per cluster (rows) and tier (columns). */
  crossTab: number[][];
}

interface ViewInput {
  runId: number;
  scores: ScoresRecord;
  segmentation: Segmentation | null;
  withoutPurchases: number;
  model: ScoringModel;
  /** Each snapshot client's index in the scores. */
  scoreOf: Int32Array;
}

/** Seeds the scatter's sample: the same clients are drawn each time. */
const SCATTER_SEED = 7;

/** Cross-tabulates the clusters with the tiers and samples the scatter. */
export function segmentsView(input: ViewInput): SegmentsData {
  const { runId, scores, segmentation, withoutPurchases, model, scoreOf } = input;
  const base = { runId, computedAt: scores.computedAt, withoutPurchases };
  if (segmentation === null) return { ...base, result: null };
  const tierIds = model.definition.tiers.levels.map((level) => level.id);
  const { k, labels, clients } = segmentation;
  const tierOf = (row: number): number => scores.tier[scoreOf[clients[row] ?? -1] ?? -1] ?? 0;
  const crossTab = Array.from({ length: k }, () => new Array<number>(tierIds.length).fill(0));
  labels.forEach((cluster, row) => {
    const line = crossTab[cluster];
    const tier = tierOf(row);
    if (line && tier < line.length) line[tier] = (line[tier] ?? 0) + 1;
  });
  const rows = sampleIndexes(labels.length, SCATTER_POINTS, SCATTER_SEED);
  const [x, y] = segmentation.coordinates;
  return {
    ...base,
    result: {
      features: segmentation.features,
      k,
      chosenBy: segmentation.chosenBy,
      curve: segmentation.curve,
      silhouette: segmentation.silhouette,
      clearStructure: segmentation.clearStructure,
      clustered: labels.length,
      profiles: segmentation.profiles,
      baseMeans: segmentation.baseMeans,
      explained: segmentation.explained,
      scatter: {
        x: Float32Array.from(rows, (row) => x[row] ?? 0),
        y: Float32Array.from(rows, (row) => y[row] ?? 0),
        cluster: Uint8Array.from(rows, (row) => labels[row] ?? 0),
        tier: Uint8Array.from(rows, tierOf),
      },
      tierIds,
      crossTab,
    },
  };
}
