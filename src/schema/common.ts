import * as z from 'zod';
import { isIsoDate } from '$lib/dates';
import { FAR_FUTURE, latestAllowedDate } from './far-future';

/**
 * Building blocks shared by every persisted entity. Ids are strings: new records get
 * `crypto.randomUUID()`, imported ones may keep the id of the system they came from.
 */
export const idSchema = z.string().trim().min(1).max(100);

export const clientIdSchema = idSchema.brand<'ClientId'>();
export type ClientId = z.infer<typeof clientIdSchema>;

/** A calendar day, `YYYY-MM-DD`, that exists. */
export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'Use a real date written as YYYY-MM-DD.' });

/** A moment, ISO 8601 with time zone (as `Date.prototype.toISOString` writes it). */
export const timestampSchema = z.iso.datetime({ offset: true });

/** A 1–5 rating (need strength and urgency, budget, growth room, influence). */
export const ratingSchema = z.int().min(1).max(5);

/** Every stored entity carries these. */
export const entityFields = {
  id: idSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
};

/** Free text with a sane bound, so a pasted novel cannot bloat the database. */
export const text = (max: number) => z.string().trim().max(max);

export { FAR_FUTURE, FUTURE_DAYS_ALLOWED, latestAllowedDate } from './far-future';

/**
 * Refuses the dates of `record` in `fields` that lie more than a year after `now`, as a
 * ZodError naming each field, so that a form shows it like any other refusal.
 */
export function refuseFarFuture(
  record: Readonly<Record<string, unknown>>,
  fields: readonly string[],
  now: Date,
): void {
  const latest = latestAllowedDate(now.toISOString().slice(0, 10));
  const issues = fields.flatMap((field) => {
    const value = record[field];
    return typeof value === 'string' && value > latest
      ? [
          {
            code: 'custom' as const,
            path: [field],
            message: `A date after ${latest} is too far ahead.`,
            params: { reason: FAR_FUTURE },
            input: value,
          },
        ]
      : [];
  });
  if (issues.length > 0) throw new z.ZodError(issues);
}
