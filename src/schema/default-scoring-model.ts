import type { ScoringDefinition } from './scoring-model';

const percentile = { kind: 'percentile' } as const;
const rating = { kind: 'fixed', min: 1, max: 5 } as const;
// Shares and trends have natural bounds and pile up at them (most clients pay every
// invoice on time): a fixed scale keeps "always on time" at 1, where a percentile would
// give the whole tie its middle rank.
const share = { kind: 'fixed', min: 0, max: 1 } as const;
const trend = { kind: 'fixed', min: -1, max: 1 } as const;

/**
 * The model a new workspace starts with: value first, then loyalty, potential and
 * needs, as a small service business usually weighs them. Every number is the user's
 * to change in the Model view.
 */
export const DEFAULT_SCORING_DEFINITION: ScoringDefinition = {
  dimensions: {
    value: {
      weight: 40,
      metrics: [
        { metric: 'monetaryTotal', weight: 30, direction: 'higher', normalisation: percentile },
        { metric: 'profit', weight: 20, direction: 'higher', normalisation: percentile },
        { metric: 'frequency', weight: 15, direction: 'higher', normalisation: percentile },
        { metric: 'recencyDays', weight: 15, direction: 'lower', normalisation: percentile },
        { metric: 'averageOrderValue', weight: 10, direction: 'higher', normalisation: percentile },
        { metric: 'clv12m', weight: 10, direction: 'higher', normalisation: percentile },
      ],
    },
    needs: {
      weight: 15,
      metrics: [
        { metric: 'needTypeFit', weight: 40, direction: 'higher', normalisation: rating },
        { metric: 'needStrength', weight: 35, direction: 'higher', normalisation: rating },
        { metric: 'needUrgency', weight: 25, direction: 'higher', normalisation: rating },
      ],
    },
    loyalty: {
      weight: 25,
      metrics: [
        {
          metric: 'satisfaction',
          weight: 30,
          direction: 'higher',
          normalisation: { kind: 'fixed', min: 0, max: 100 },
        },
        { metric: 'repurchaseRate', weight: 20, direction: 'higher', normalisation: percentile },
        { metric: 'tenureDays', weight: 15, direction: 'higher', normalisation: percentile },
        { metric: 'onTimeShare', weight: 15, direction: 'higher', normalisation: share },
        // Events, recorded for few clients: any referral earns the measure in full, any
        // complaint still open loses it (clients without either have no data here).
        { metric: 'referrals', weight: 10, direction: 'higher', normalisation: share },
        { metric: 'openComplaints', weight: 10, direction: 'lower', normalisation: share },
      ],
    },
    potential: {
      weight: 20,
      metrics: [
        { metric: 'budget', weight: 30, direction: 'higher', normalisation: rating },
        { metric: 'growthRoom', weight: 30, direction: 'higher', normalisation: rating },
        { metric: 'influence', weight: 20, direction: 'higher', normalisation: rating },
        { metric: 'spendTrend', weight: 20, direction: 'higher', normalisation: trend },
      ],
    },
  },
  needTypeFit: { price: 2, quality: 5, service: 4, features: 3 },
  windowDays: 365,
  hourlyRate: 40,
  tiers: {
    method: 'thresholds',
    hysteresisPoints: 0,
    levels: [
      {
        id: 'vip',
        names: { en: 'VIP', 'zh-CN': 'VIP客户' },
        colour: '#b8860b',
        minScore: 75,
        quotaPercent: 10,
      },
      {
        id: 'core',
        names: { en: 'Core', 'zh-CN': '核心客户' },
        colour: '#1f5f8b',
        minScore: 55,
        quotaPercent: 25,
      },
      {
        id: 'ordinary',
        names: { en: 'Ordinary', 'zh-CN': '普通客户' },
        colour: '#5b7065',
        minScore: 35,
        quotaPercent: 40,
      },
      {
        id: 'potential',
        // Not "Potential / 潜在客户": that is the prospect stage and a score dimension.
        names: { en: 'Low value', 'zh-CN': '低价值客户' },
        colour: '#8a6fb0',
        minScore: 0,
        quotaPercent: 25,
      },
    ],
  },
  abc: { aPercent: 80, bPercent: 15 },
  lifecycle: {
    newDays: 90,
    dormantDays: 180,
    dormantBelow: 0.5,
    churnedDays: 365,
    churnedBelow: 0.15,
  },
  churnWarning: { pActiveBelow: 0.5, valuablePercent: 20 },
};
