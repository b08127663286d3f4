import {
  ABC_CLASSES,
  DIMENSION_KEYS,
  LIFECYCLE_STAGES,
  RFM_SEGMENTS,
  countTiers,
  type DimensionKey,
  type Evaluation,
} from '$engine/index';

/** One client of a hand-made evaluation; unset inputs are unremarkable. */
export interface ClientRow {
  id: string;
  tier: number;
  score: number;
  abc?: (typeof ABC_CLASSES)[number];
  stage?: (typeof LIFECYCLE_STAGES)[number];
  pinned?: boolean;
  pActive?: number;
  revenue?: number;
  daysSincePurchase?: number;
  dimensions?: Partial<Record<DimensionKey, number>>;
}

export const TIERS = [
  { id: 'vip', names: { en: 'VIP', 'zh-CN': '重要客户' }, colour: '#111111' },
  { id: 'core', names: { en: 'Core', 'zh-CN': '核心客户' }, colour: '#222222' },
  { id: 'low', names: { en: 'Low value', 'zh-CN': '低价值客户' }, colour: '#333333' },
];

/** An evaluation of `rows`, listed best first in the order given. */
export function evaluationOf(
  id: string,
  rows: readonly ClientRow[],
  overrides: Partial<Evaluation> = {},
): Evaluation {
  const n = rows.length;
  return {
    id,
    asOf: '2026-11-30',
    takenAt: '2026-11-30T12:00:00.000Z',
    trigger: 'manual',
    label: '',
    modelId: 'default',
    modelUpdatedAt: '2026-01-01T00:00:00.000Z',
    engineVersion: 4,
    tiers: TIERS,
    clients: n,
    tierCounts: countTiers(
      Uint8Array.from(rows, (r) => r.tier),
      TIERS.length,
    ),
    columns: {
      clientIds: rows.map((r) => r.id),
      tier: Uint8Array.from(rows, (r) => r.tier),
      pinned: Uint8Array.from(rows, (r) => (r.pinned ? 1 : 0)),
      score: Float32Array.from(rows, (r) => r.score),
      abc: Uint8Array.from(rows, (r) => ABC_CLASSES.indexOf(r.abc ?? 'B')),
      segment: Uint8Array.from(rows, () => RFM_SEGMENTS.indexOf('loyal')),
      lifecycle: Uint8Array.from(rows, (r) => LIFECYCLE_STAGES.indexOf(r.stage ?? 'active')),
      pActive: Float32Array.from(rows, (r) => r.pActive ?? 0.8),
      churnWarning: new Uint8Array(n),
      revenue: Float64Array.from(rows, (r) => r.revenue ?? 1000),
      daysSincePurchase: Int32Array.from(rows, (r) => r.daysSincePurchase ?? 10),
      daysSinceContact: Int32Array.from(rows, () => 5),
      dimensions: Object.fromEntries(
        DIMENSION_KEYS.map((key) => [
          key,
          Float32Array.from(rows, (r) => r.dimensions?.[key] ?? 50),
        ]),
      ) as Record<DimensionKey, Float32Array>, // one entry per dimension key
    },
    ...overrides,
  };
}
