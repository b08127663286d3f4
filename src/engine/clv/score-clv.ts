import type { ClvModels } from './fit-clv-models';
import { expectedSpend } from './gamma-gamma';
import {
  DEFAULT_ANNUAL_DISCOUNT_RATE,
  discountedIncrements,
  discountSchedule,
} from './lifetime-value';
import { probabilityActive, purchasesIfActiveAt } from './purchase-model';
import type { RfmColumns, RfmRow } from './rfm-summary';
import { DAYS_PER_UNIT } from './units';

/** The window of `expectedPurchases90d`, in days. */
export const PURCHASE_WINDOW_DAYS = 90;
/** The horizon of `clv12m`, in months. */
export const CLV_HORIZON_MONTHS = 12;

/** Per-client predictions, one entry per client of the input; NaN for a client with no purchase. */
export interface ClvScores {
  /** P(alive): probability that the client is still active, 0–1. */
  pActive: Float64Array;
  /** Expected purchase days in the next 90 days. */
  expectedPurchases90d: Float64Array;
  /** Expected value of one future purchase day (Gamma-Gamma), less the share refunded so far. */
  expectedValue: Float64Array;
  /** Expected value of the next 12 months' purchases, discounted to the as-of day. */
  clv12m: Float64Array;
}

export interface ClvScoreOptions {
  /** Yearly discount rate of `clv12m`. Default 0.1. */
  annualDiscountRate?: number;
}

/**
 * Scores every client of `columns` (as `rfmColumns` makes them, in the models' unit) at
 * once, into typed arrays the worker can hand over without copying. Each client's numbers
 * depend only on its own row and the models, so the order of the clients does not matter.
 * About 4 µs a client (twelve monthly horizons share one series evaluation).
 */
export function scoreClv(
  models: ClvModels,
  columns: RfmColumns,
  options: ClvScoreOptions = {},
): ClvScores {
  const n = columns.frequency.length;
  const scores: ClvScores = {
    pActive: new Float64Array(n),
    expectedPurchases90d: new Float64Array(n),
    expectedValue: new Float64Array(n),
    clv12m: new Float64Array(n),
  };
  const schedule = discountSchedule({
    unit: models.unit,
    months: CLV_HORIZON_MONTHS,
    annualDiscountRate: options.annualDiscountRate ?? DEFAULT_ANNUAL_DISCOUNT_RATE,
  });
  // One evaluation per client: the 90-day window first, then the month ends.
  const horizons = Float64Array.of(
    PURCHASE_WINDOW_DAYS / DAYS_PER_UNIT[models.unit],
    ...schedule.ends,
  );
  const cumulative = new Float64Array(horizons.length);
  // One-time buyers (x = 0, so t_x = 0) differ only by T, and many share it (everyone
  // whose first purchase fell on the same day): compute each T once.
  const oneTimeBuyers = new Map<number, readonly [number, number, number]>();
  for (let i = 0; i < n; i += 1) {
    const row: RfmRow = {
      frequency: columns.frequency[i]!,
      recency: columns.recency[i]!,
      T: columns.T[i]!,
      monetary: columns.monetary[i]!,
    };
    if (Number.isNaN(row.frequency)) {
      scores.pActive[i] = scores.expectedPurchases90d[i] = NaN;
      scores.expectedValue[i] = scores.clv12m[i] = NaN;
      continue;
    }
    let purchases = row.frequency === 0 ? oneTimeBuyers.get(row.T) : undefined;
    if (!purchases) {
      const alive = probabilityActive(models.purchases, row);
      purchasesIfActiveAt(models.purchases, row, horizons, cumulative);
      purchases = [
        alive,
        alive * cumulative[0]!,
        alive * discountedIncrements(cumulative, 1, schedule.factors),
      ] as const;
      if (row.frequency === 0) oneTimeBuyers.set(row.T, purchases);
    }
    // Refunds on other days than the purchases lower what the client is expected to keep.
    const spend = { ...row, firstValue: columns.firstValue[i]! };
    const value = expectedSpend(models.gammaGamma, spend) * columns.kept[i]!;
    scores.pActive[i] = purchases[0];
    scores.expectedPurchases90d[i] = purchases[1];
    scores.expectedValue[i] = value;
    scores.clv12m[i] = value * purchases[2];
  }
  return scores;
}
