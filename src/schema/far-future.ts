import { addDays } from '$lib/dates';

/*
 * How far ahead a record's date may be, apart from the zod refusal (`refuseFarFuture` in
 * common.ts, which re-exports these): forms word the refusal with `FAR_FUTURE` at start,
 * and a start carries no zod (see `startChunk` in vite.config.ts).
 */

/**
 * How far after today a record's date may be: a year (an invoice due next spring, a
 * follow-up next quarter). Later dates — 9999-12-31, 2099-01-01 — are typing errors that
 * would otherwise earn score points, so forms and imports refuse them.
 */
export const FUTURE_DAYS_ALLOWED = 366;

/** The refusal's mark on a zod issue, for forms to word it as "too far ahead". */
export const FAR_FUTURE = 'farFuture';

/** The last date a record may carry when saved on the day `today` (YYYY-MM-DD). */
export function latestAllowedDate(today: string): string {
  return addDays(today, FUTURE_DAYS_ALLOWED);
}
