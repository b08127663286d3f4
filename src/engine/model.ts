/**
 * The scoring model as the engine reads it. The zod schema in `src/schema/scoring-model.ts`
 * validates what is stored; a type test keeps the two in step (the engine may not import
 * the schema: it depends on nothing but `lib/`).
 */
export const DIMENSION_KEYS = ['value', 'needs', 'loyalty', 'potential'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

export const METRIC_KEYS = [
  'recencyDays',
  'frequency',
  'monetaryTotal',
  'averageOrderValue',
  'profit',
  'margin',
  'clv12m',
  'needTypeFit',
  'needStrength',
  'needUrgency',
  'satisfaction',
  'repurchaseRate',
  'tenureDays',
  'referrals',
  'openComplaints',
  'onTimeShare',
  'meanDaysLate',
  'daysSinceContact',
  'budget',
  'growthRoom',
  'influence',
  'spendTrend',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];

export const NEED_TYPE_KEYS = ['price', 'quality', 'service', 'features'] as const;
export type NeedTypeKey = (typeof NEED_TYPE_KEYS)[number];

export type Normalisation =
  { kind: 'percentile' } | { kind: 'minmax' } | { kind: 'fixed'; min: number; max: number };

export interface MetricSpec {
  metric: MetricKey;
  weight: number;
  direction: 'higher' | 'lower';
  normalisation: Normalisation;
}

export interface DimensionSpec {
  weight: number;
  metrics: readonly MetricSpec[];
}

export interface TierLevel {
  id: string;
  names: { en: string; 'zh-CN': string };
  colour: string;
  minScore: number;
  quotaPercent: number;
}

export interface ScoringDefinition {
  dimensions: Record<DimensionKey, DimensionSpec>;
  needTypeFit: Partial<Record<NeedTypeKey, number>>;
  windowDays: number;
  hourlyRate: number;
  tiers: {
    method: 'thresholds' | 'quotas';
    levels: readonly TierLevel[];
    /**
     * Evaluations only: points a score must pass a tier's floor by before an evaluated
     * tier changes (0 = off; `withHysteresis`).
     */
    hysteresisPoints?: number;
  };
  abc: { aPercent: number; bPercent: number };
  lifecycle: {
    newDays: number;
    dormantDays: number;
    dormantBelow: number;
    churnedDays: number;
    churnedBelow: number;
  };
  /**
   * Churn warning (流失预警): a client among the top `valuablePercent` % by revenue over the
   * last two years whose P(active) has fallen below `pActiveBelow`.
   */
  churnWarning: { pActiveBelow: number; valuablePercent: number };
}
