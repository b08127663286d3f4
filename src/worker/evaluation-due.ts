import { addDays, type IsoDate } from '$lib/dates';
import type { EvaluationPeriod } from '$schema/evaluation';

/** The period when the user has chosen none. */
export const DEFAULT_EVALUATION_PERIOD: EvaluationPeriod = 'monthly';

/**
 * The same day `months` calendar months later, or the month's last day when it is shorter
 * (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]; // a valid ISO date
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The first day an automatic evaluation is due after one taken on `lastDay`; null when off. */
export function nextEvaluationDay(period: EvaluationPeriod, lastDay: IsoDate): IsoDate | null {
  switch (period) {
    case 'weekly':
      return addDays(lastDay, 7);
    case 'monthly':
      return addMonths(lastDay, 1);
    case 'quarterly':
      return addMonths(lastDay, 3);
    case 'off':
      return null;
  }
}

/**
 * Whether an automatic evaluation is due on `today` (the user's day): when there is none
 * yet, or the period has passed since the day the last one was taken (by hand or not).
 * However long the app was closed, the answer is one evaluation, for now: never one per
 * missed period, since the past cannot be scored as it stood then.
 * @param lastTakenDay the user's day the latest evaluation was taken, if any
 */
export function evaluationDue(
  period: EvaluationPeriod,
  lastTakenDay: IsoDate | undefined,
  today: IsoDate,
): boolean {
  if (period === 'off') return false;
  if (lastTakenDay === undefined) return true;
  const next = nextEvaluationDay(period, lastTakenDay);
  return next !== null && today >= next;
}
