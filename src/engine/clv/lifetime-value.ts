import { expectedSpend, type GammaGammaParams } from './gamma-gamma';
import { probabilityActive, purchasesIfActiveAt, type PurchaseModel } from './purchase-model';
import type { RfmRow } from './rfm-summary';
import { DAYS_PER_MONTH, DAYS_PER_UNIT, type TimeUnit } from './units';

export interface LifetimeValueOptions {
  /** Time unit of the row and of the purchase model's parameters. */
  unit: TimeUnit;
  /** Horizon in months (a month is 1/12 of 365.25 days). Default 12. */
  months?: number;
  /** Yearly discount rate, e.g. 0.1 for 10 %. Default 0.1. Must exceed −1. */
  annualDiscountRate?: number;
}

export const DEFAULT_HORIZON_MONTHS = 12;
export const DEFAULT_ANNUAL_DISCOUNT_RATE = 0.1;

/**
 * Expected value of the client's purchases over the next `months` months, discounted to
 * the as-of day:
 *
 *   CLV = E[Z] · Σₖ₌₁..ₘ (E[Y(k Δ)] − E[Y((k − 1) Δ)]) / (1 + d)^(k / 12)
 *
 * with E[Z] the expected purchase value (`expectedSpend`: Gamma-Gamma, a one-time buyer's
 * first purchase counted when `firstValue` is given), E[Y(t)] the purchase model's conditional
 * expected purchases, Δ one month in the model's unit (30.4375 days, or 4.348 weeks) and d
 * the annual discount rate. Each month's purchases are discounted from the end of that
 * month; (1 + d)^(1/12) − 1 is the equivalent monthly rate. (The `lifetimes` package sums
 * the same way, with a monthly rate given directly and months of 30 days or 4.345 weeks.)
 * Finite and never negative. Throws a RangeError for a horizon that is not a positive
 * whole number of months or a rate ≤ −1.
 */
export function customerLifetimeValue(
  purchases: PurchaseModel,
  gammaGamma: GammaGammaParams,
  row: RfmRow & { firstValue?: number },
  options: LifetimeValueOptions,
): number {
  const value = expectedSpend(gammaGamma, { ...row, firstValue: row.firstValue ?? NaN });
  return value === 0 ? 0 : value * discountedPurchases(purchases, row, options);
}

/** Σₖ (E[Y(k Δ)] − E[Y((k − 1) Δ)]) / (1 + d)^(k / 12): the CLV above without E[Z]. */
export function discountedPurchases(
  purchases: PurchaseModel,
  row: RfmRow,
  options: LifetimeValueOptions,
): number {
  const schedule = discountSchedule(options);
  const cumulative = new Float64Array(schedule.ends.length);
  purchasesIfActiveAt(purchases, row, schedule.ends, cumulative);
  return probabilityActive(purchases, row) * discountedIncrements(cumulative, 0, schedule.factors);
}

/** Month ends in the model's unit and their discount factors (1 + d)^(−k / 12), k = 1…m. */
export interface DiscountSchedule {
  ends: Float64Array;
  factors: Float64Array;
}

/** The schedule of `options`; throws a RangeError as `customerLifetimeValue` does. */
export function discountSchedule(options: LifetimeValueOptions): DiscountSchedule {
  const months = options.months ?? DEFAULT_HORIZON_MONTHS;
  const rate = options.annualDiscountRate ?? DEFAULT_ANNUAL_DISCOUNT_RATE;
  if (!(Number.isInteger(months) && months > 0)) {
    throw new RangeError(`Horizon ${months} is not a positive whole number of months`);
  }
  if (!(rate > -1 && Number.isFinite(rate))) {
    throw new RangeError(`Annual discount rate ${rate} must be a number above −1`);
  }
  const month = DAYS_PER_MONTH / DAYS_PER_UNIT[options.unit];
  const ends = new Float64Array(months);
  const factors = new Float64Array(months);
  for (let k = 0; k < months; k += 1) {
    ends[k] = (k + 1) * month;
    factors[k] = Math.pow(1 + rate, -(k + 1) / 12);
  }
  return { ends, factors };
}

/**
 * Σₖ (Cₖ − Cₖ₋₁) · factorₖ with C₀ = 0 and Cₖ = cumulative[offset + k − 1]: each month's
 * increment of a cumulative expectation, discounted. The expectation grows with time;
 * clamping the increments at 0 only absorbs rounding.
 */
export function discountedIncrements(
  cumulative: ArrayLike<number>,
  offset: number,
  factors: Float64Array,
): number {
  let total = 0;
  let before = 0;
  for (let k = 0; k < factors.length; k += 1) {
    const now = cumulative[offset + k]!;
    total += Math.max(0, now - before) * factors[k]!;
    before = Math.max(before, now);
  }
  return total;
}
