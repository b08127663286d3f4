import * as z from 'zod';
import { isoDateSchema, text } from '$schema/common';
import { FEEDBACK_RANGE, FEEDBACK_SCALES, INTERACTION_KINDS } from '$schema/record-options';
import { SNOOZE_PRESETS } from './snooze-presets';

// Today's forms load this file when one is saved (follow-up-actions.svelte.ts): a start
// carries no zod (see `startChunk` in vite.config.ts).

/** The snooze form: a preset and why, in a few words. */
export const snoozeFormSchema = z.object({
  preset: z.enum(SNOOZE_PRESETS),
  reason: text(200).min(1),
});
export type SnoozeForm = z.input<typeof snoozeFormSchema>;

/**
 * The form that completes a follow-up: the contact's kind, a note, optionally the day of
 * the next contact, which must come after `today` (an empty field: the cadence decides),
 * and optionally the client's answer on a satisfaction (1–5) or recommendation (0–10)
 * scale, kept as feedback.
 */
export function completeFormSchema(today: string) {
  return z
    .object({
      kind: z.enum(INTERACTION_KINDS),
      summary: text(2000),
      followUpDate: z
        .union([z.literal('').transform(() => undefined), isoDateSchema])
        .refine((date) => date === undefined || date > today, {
          message: 'The next contact comes after today.',
        }),
      scale: z.enum(FEEDBACK_SCALES),
      score: z.union([
        z.literal('').transform(() => undefined),
        z
          .string()
          .trim()
          .regex(/^\d+$/)
          .transform((digits) => Number(digits)),
      ]),
    })
    .refine(
      (form) =>
        form.score === undefined ||
        (form.score >= FEEDBACK_RANGE[form.scale].min &&
          form.score <= FEEDBACK_RANGE[form.scale].max),
      { message: 'The score is off the scale.', path: ['score'] },
    );
}
export type CompleteForm = z.input<ReturnType<typeof completeFormSchema>>;

/** The `aria-*` attributes of a field, so that its refusal is read out with it. */
export interface FieldAria {
  'aria-invalid': 'true' | undefined;
  'aria-describedby': string | undefined;
}
