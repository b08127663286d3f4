import { DIMENSION_KEYS, type ScoreResult } from '$engine/index';
import type { ScoresRecord } from '$db/derived-records';
import type { ScoringModel } from '$schema/scoring-model';
import type { ClvPredictions } from './clv-cache';
import { fromEpochDay } from '$lib/dates';
import type { ClvBacktest } from '$engine/index';

/** Packs an engine result into the stored, compact form (32-bit floats are plenty for display). */
export function toScoresRecord(
  result: ScoreResult,
  clv: ClvPredictions,
  model: ScoringModel,
  context: {
    asOf: string;
    seq: number;
    durationMs: number;
    now: Date;
    /** The day of the latest invoice in the data, if any. */
    latestTransaction?: string;
  },
): ScoresRecord {
  const f32 = (column: Float64Array): Float32Array => Float32Array.from(column);
  const { purchases, gammaGamma } = clv.models;
  const n = result.clientIds.length;
  const metricValues = new Float32Array(result.slots.length * n);
  result.slots.forEach((slot, j) => metricValues.set(result.metrics[slot.metric], j * n));
  return {
    id: 'current',
    engineVersion: result.engineVersion,
    modelId: model.id,
    modelUpdatedAt: model.updatedAt,
    asOf: context.asOf,
    ...(context.latestTransaction === undefined
      ? {}
      : { latestTransaction: context.latestTransaction }),
    computedAt: context.now.toISOString(),
    seq: context.seq,
    durationMs: context.durationMs,
    clientIds: [...result.clientIds],
    scored: result.scored,
    rank: result.rank,
    composite: f32(result.composite),
    dimensions: Object.fromEntries(
      DIMENSION_KEYS.map((key) => [key, f32(result.dimensions[key])]),
    ) as ScoresRecord['dimensions'], // one entry per dimension key
    tier: result.tier,
    computedTier: result.computedTier,
    pinned: result.pinned,
    abc: result.abc,
    r: result.r,
    f: result.f,
    m: result.m,
    segment: result.segment,
    lifecycle: result.lifecycle,
    churnWarning: result.churnWarning,
    pActive: f32(result.pActive),
    expectedPurchases90d: f32(clv.scores.expectedPurchases90d),
    clv12m: f32(clv.scores.clv12m),
    clvModel: {
      unit: clv.models.unit,
      purchases: {
        kind: purchases.kind,
        r: purchases.r,
        alpha: purchases.alpha,
        a: purchases.a,
        b: purchases.b,
      },
      gammaGamma: { p: gammaGamma.p, q: gammaGamma.q, v: gammaGamma.v },
      trust: clv.models.trust,
      clients: clv.models.clients,
      repeatBuyers: clv.models.repeatBuyers,
      ...(clv.backtest ? { backtest: backtestOf(clv.backtest) } : {}),
    },
    // Copies: the next run may measure into the same columns (`updateFeatures`).
    windowRevenue: result.facts.windowRevenue.slice(),
    lastPurchaseDay: result.facts.lastPurchaseDay.slice(),
    lastContactDay: result.facts.lastContactDay.slice(),
    overdue: result.facts.overdue.slice(),
    slots: result.slots,
    metricValues,
    normalised: result.normalised,
    pointsPerUnit: result.pointsPerUnit,
  };
}

/** The backtest as stored: its figures, the day as a date. */
function backtestOf(test: ClvBacktest): NonNullable<ScoresRecord['clvModel']['backtest']> {
  return {
    calibrationEnd: fromEpochDay(test.calibrationEndDay),
    holdoutDays: test.holdoutDays,
    clients: test.clients,
    predictedPurchases: test.predictedPurchases,
    actualPurchases: test.actualPurchases,
    predictedValue: test.predictedValue,
    actualValue: test.actualValue,
    clientError: test.clientError,
  };
}
