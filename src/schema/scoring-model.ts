import * as z from 'zod';
import { entityFields, text } from './common';
import { NEED_TYPES } from './client';

/** The four dimensions of client ranking (客户排序): value, needs, loyalty, potential. */
export const DIMENSIONS = ['value', 'needs', 'loyalty', 'potential'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Per-client measures a dimension can weigh. `docs/scoring.md` defines each one. */
export const METRICS = [
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
export type Metric = (typeof METRICS)[number];

/** How a raw metric becomes 0–1 before weighting. */
export const normalisationSchema = z.discriminatedUnion('kind', [
  /** Share of clients with a lower value (ties share the mid rank): robust to outliers. */
  z.object({ kind: z.literal('percentile') }),
  /** (x − min) / (max − min) over the client base. */
  z.object({ kind: z.literal('minmax') }),
  /** (x − min) / (max − min) over a fixed scale, e.g. 1–5 ratings; clamped. */
  z
    .object({ kind: z.literal('fixed'), min: z.number().finite(), max: z.number().finite() })
    .refine((n) => n.max > n.min, { message: 'The top of the scale must be above the bottom.' }),
]);

export const weightSchema = z.number().finite().min(0).max(100);

export const metricWeightSchema = z.object({
  metric: z.enum(METRICS),
  weight: weightSchema,
  /** `higher`: more is better (revenue); `lower`: less is better (days since purchase). */
  direction: z.enum(['higher', 'lower']),
  normalisation: normalisationSchema,
});

export const dimensionSchema = z.object({
  weight: weightSchema,
  metrics: z.array(metricWeightSchema).max(METRICS.length),
});

export const tierLevelSchema = z.object({
  id: z.string().min(1).max(40),
  /** Display names per language; the user may rename and translate them. */
  names: z.object({ en: text(60).min(1), 'zh-CN': text(60).min(1) }),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i, { message: 'Use a colour like #1f5f8b.' }),
  /** With the `thresholds` method: the lowest composite score (0–100) in this tier. */
  minScore: z.number().min(0).max(100),
  /** With the `quotas` method: the share of clients (percent) in this tier. */
  quotaPercent: z.number().min(0).max(100),
});

export const scoringDefinitionSchema = z
  .object({
    dimensions: z.object({
      value: dimensionSchema,
      needs: dimensionSchema,
      loyalty: dimensionSchema,
      potential: dimensionSchema,
    }),
    /** Fit of each need type with this business, 1–5 (feeds the `needTypeFit` metric). */
    needTypeFit: z.record(z.enum(NEED_TYPES), z.number().min(1).max(5)),
    /** The evaluation window for frequency and spend trend, in days. */
    windowDays: z.int().min(30).max(3650),
    /** Internal cost of an hour of work, for profit on hour-billed invoices. */
    hourlyRate: z.number().finite().min(0).max(1e6),
    tiers: z.object({
      method: z.enum(['thresholds', 'quotas']),
      /** Best tier first. */
      levels: z.array(tierLevelSchema).min(2).max(8),
      /**
       * A margin in points for evaluations: a client keeps its evaluated tier until its
       * score passes a tier's floor by this much (0 = off). Models saved before it have none.
       */
      hysteresisPoints: z.number().min(0).max(20).default(0),
    }),
    /** ABC/Pareto: A holds the top `aPercent` of revenue, B the next `bPercent`. */
    abc: z.object({ aPercent: z.number().gt(0).lt(100), bPercent: z.number().gt(0).lt(100) }),
    lifecycle: z.object({
      /** A client whose first purchase is this recent is `new`. */
      newDays: z.int().min(1).max(3650),
      /** Silent this long, or P(active) below `dormantBelow`: `dormant`. */
      dormantDays: z.int().min(1).max(3650),
      dormantBelow: z.number().min(0).max(1),
      /** Silent this long, or P(active) below `churnedBelow`: `churned`. */
      churnedDays: z.int().min(1).max(3650),
      churnedBelow: z.number().min(0).max(1),
    }),
    /**
     * Churn warning (流失预警): among the top `valuablePercent` % of clients by revenue over
     * the last two years, with P(active) below `pActiveBelow`. (Models saved before it
     * had a current value-score limit instead, which a lapsing client soon falls below;
     * they get the default share.)
     */
    churnWarning: z.object({
      pActiveBelow: z.number().min(0).max(1),
      valuablePercent: z.number().gt(0).max(100).default(20),
    }),
  })
  .superRefine((d, ctx) => {
    // Each refusal names a message key (`params.key`) so the interface can say it in the
    // user's language; `message` is the English text.
    if (DIMENSIONS.every((k) => d.dimensions[k].weight === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['dimensions'],
        message: 'At least one dimension needs a weight above zero.',
        params: { key: 'model.invalid.allDimensionsZero' },
      });
    }
    for (const k of DIMENSIONS) {
      const { weight, metrics } = d.dimensions[k];
      if (weight > 0 && metrics.every((m) => m.weight === 0)) {
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', k],
          message: 'A dimension with a weight needs at least one measure with a weight above zero.',
          params: { key: 'model.invalid.allMeasuresZero' },
        });
      }
      if (new Set(metrics.map((m) => m.metric)).size < metrics.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions', k],
          message: 'A measure may appear only once in a dimension.',
          params: { key: 'model.invalid.duplicateMeasure' },
        });
      }
    }
    const scores = d.tiers.levels.map((l) => l.minScore);
    if (
      d.tiers.method === 'thresholds' &&
      scores.some((s, i) => i > 0 && s >= (scores[i - 1] ?? Infinity))
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 'levels'],
        message: 'Each tier must start below the tier above it.',
        params: { key: 'model.invalid.thresholdsOverlap' },
      });
    }
    const quota = d.tiers.levels.reduce((sum, l) => sum + l.quotaPercent, 0);
    if (d.tiers.method === 'quotas' && Math.abs(quota - 100) > 1e-9) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 'levels'],
        message: 'The tier quotas must add up to 100%.',
        params: { key: 'model.invalid.quotasSum' },
      });
    }
    if (d.abc.aPercent + d.abc.bPercent >= 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['abc'],
        message: 'A and B together must leave some revenue for C.',
        params: { key: 'model.invalid.abcSum' },
      });
    }
    if (!(d.lifecycle.dormantDays < d.lifecycle.churnedDays)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lifecycle', 'churnedDays'],
        message: 'A client must be dormant before being churned.',
        params: { key: 'model.invalid.churnBeforeDormant' },
      });
    }
    if (d.lifecycle.churnedBelow > d.lifecycle.dormantBelow) {
      ctx.addIssue({
        code: 'custom',
        path: ['lifecycle', 'churnedBelow'],
        message: 'The P(active) limit for churned may not be above the one for dormant.',
        params: { key: 'model.invalid.churnLimitAboveDormant' },
      });
    }
    if (new Set(d.tiers.levels.map((l) => l.id)).size < d.tiers.levels.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 'levels'],
        message: 'Each tier needs its own id.',
        params: { key: 'model.invalid.duplicateTier' },
      });
    }
  });

export type ScoringDefinition = z.infer<typeof scoringDefinitionSchema>;

export const scoringModelSchema = z.object({
  ...entityFields,
  name: text(100).min(1),
  /** The one model the app scores with. */
  active: z.boolean(),
  definition: scoringDefinitionSchema,
});

export type ScoringModel = z.infer<typeof scoringModelSchema>;
