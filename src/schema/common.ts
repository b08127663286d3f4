import * as z from 'zod';
import { isIsoDate } from '$lib/dates';

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
