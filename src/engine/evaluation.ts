import type { DimensionKey } from './model';

/**
 * A class not recorded: evaluations brought forward from an older backup format hold only
 * tier, score and rank (their P(active) and revenue are NaN, their days −1).
 */
export const UNKNOWN_CLASS = 255;

/**
 * An evaluation (分层评估): every scored client's standing as of a day, kept so that tier
 * history and movements can be shown later. Clients are listed best first, so a client's
 * rank is its position + 1 and no rank column is needed.
 */
export interface EvaluationColumns {
  /** Best first. */
  clientIds: readonly string[];
  /** Score tier, an index into the evaluation's `tiers`. */
  tier: Uint8Array;
  /** 1 where the tier was pinned by hand. */
  pinned: Uint8Array;
  /** Composite score, 0–100. */
  score: Float32Array;
  /** Index into ABC_CLASSES (UNKNOWN_CLASS: not recorded), … */
  abc: Uint8Array;
  /** … into RFM_SEGMENTS, … */
  segment: Uint8Array;
  /** … into LIFECYCLE_STAGES. */
  lifecycle: Uint8Array;
  /** P(active), 0–1; NaN when not modelled. */
  pActive: Float32Array;
  churnWarning: Uint8Array;
  /** The inputs movements are explained with: net revenue in the model's window, … */
  revenue: Float64Array;
  /** … days since the last purchase and since the last contact (−1: never), … */
  daysSincePurchase: Int32Array;
  daysSinceContact: Int32Array;
  /** … and the four dimension scores, 0–100 (NaN: no data). */
  dimensions: Record<DimensionKey, Float32Array>;
}

/** A tier as it was named when the evaluation was taken (the model may change later). */
export interface EvaluationTier {
  id: string;
  names: { en: string; 'zh-CN': string };
  colour: string;
}

/** What identifies an evaluation and the model behind it, without its columns. */
export interface EvaluationMeta {
  id: string;
  /** The day the scores are as of, `YYYY-MM-DD`. */
  asOf: string;
  /** When it was taken, ISO 8601. */
  takenAt: string;
  trigger: 'manual' | 'scheduled';
  label: string;
  modelId: string;
  modelUpdatedAt: string;
  engineVersion: number;
  /** Best first. */
  tiers: readonly EvaluationTier[];
  /** Clients evaluated (archived clients are not). */
  clients: number;
  /** Clients per tier, in `tiers` order. */
  tierCounts: readonly number[];
}

export interface Evaluation extends EvaluationMeta {
  columns: EvaluationColumns;
}

/** Every column's length must be the number of clients; the dimensions too. */
export function columnsAreConsistent(columns: EvaluationColumns): boolean {
  const n = columns.clientIds.length;
  const lengths = [
    columns.tier,
    columns.pinned,
    columns.score,
    columns.abc,
    columns.segment,
    columns.lifecycle,
    columns.pActive,
    columns.churnWarning,
    columns.revenue,
    columns.daysSincePurchase,
    columns.daysSinceContact,
    ...Object.values(columns.dimensions),
  ].map((column) => column.length);
  return lengths.every((length) => length === n);
}

/** Clients per tier. */
export function countTiers(tier: Uint8Array, tiers: number): number[] {
  const counts = new Array<number>(tiers).fill(0);
  for (const t of tier) if (t < tiers) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** Position of each client id in an evaluation (rank − 1). */
export function positionsOf(columns: EvaluationColumns): Map<string, number> {
  const positions = new Map<string, number>();
  columns.clientIds.forEach((id, i) => positions.set(id, i));
  return positions;
}
