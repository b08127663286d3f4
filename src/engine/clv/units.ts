/**
 * Time units of the lifetime-value models. Ages and horizons are counted in whole days and
 * expressed in the model's unit; months and years are average calendar lengths, so a
 * 12-month horizon is exactly one year.
 */
export const TIME_UNITS = ['day', 'week'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Days in one model time unit. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7 };

/** Mean Gregorian year, in days. */
export const DAYS_PER_YEAR = 365.25;

/** One twelfth of a mean year (30.4375 days, 4.348 weeks). */
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/** `days` expressed in `unit`. */
export function daysToUnit(days: number, unit: TimeUnit): number {
  return days / DAYS_PER_UNIT[unit];
}
