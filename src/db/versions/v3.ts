import type { SchemaVersion } from './types';
import { v2 } from './v2';

/** The shapes this step reads and writes, frozen here (a step never imports live code). */
interface StoredMetric {
  metric: string;
  direction: string;
  normalisation: { kind: string; min?: number; max?: number };
}
interface StoredModel {
  definition: {
    dimensions: Record<string, { metrics: StoredMetric[] }>;
    tiers: { levels: { id: string; names: Record<string, string> }[] };
    churnWarning: { pActiveBelow: number; minValueScore?: number; valuablePercent?: number };
  };
}

/**
 * Version 3: scoring models follow the engine's honest-numbers rules (engine version 4).
 * No table changes; every stored model is rewritten:
 * - the churn warning's "value score at least" (which a lapsing client soon falls below)
 *   becomes "among the top 20 % by revenue over two years";
 * - referrals and open complaints are data only where recorded, so their default
 *   percentile scale (which would now rank the referrers against each other) becomes the
 *   default 0–1 scale — only where the model still had the old default;
 * - the lowest default tier, "Potential / 潜在客户" (which clashed with the prospect stage
 *   and the Potential dimension), is "Low value / 低价值客户" — only where the user kept
 *   the default names.
 */
export const v3: SchemaVersion = Object.freeze<SchemaVersion>({
  version: 3,
  stores: v2.stores,
  upgrade: async (tx) => {
    await tx
      .table('models')
      .toCollection()
      .modify((model: StoredModel) => {
        const { definition } = model;
        const warning = definition.churnWarning;
        if (warning.valuablePercent === undefined) warning.valuablePercent = 20;
        delete warning.minValueScore;
        for (const metric of definition.dimensions['loyalty']?.metrics ?? []) {
          if (
            (metric.metric === 'referrals' || metric.metric === 'openComplaints') &&
            metric.normalisation.kind === 'percentile'
          ) {
            metric.normalisation = { kind: 'fixed', min: 0, max: 1 };
          }
        }
        for (const level of definition.tiers.levels) {
          if (level.names['en'] === 'Potential' && level.names['zh-CN'] === '潜在客户') {
            level.names = { en: 'Low value', 'zh-CN': '低价值客户' };
          }
        }
      });
  },
});
