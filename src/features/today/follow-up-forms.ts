import * as z from 'zod';
import { addDays } from '$lib/dates';
import { isoDateSchema, text } from '$schema/common';
import { FEEDBACK_RANGE, FEEDBACK_SCALES } from '$schema/feedback';
import { INTERACTION_KINDS } from '$schema/interaction';

/** When a snoozed follow-up comes back: tomorrow, in three days, in a week, or a cycle on. */
export const SNOOZE_PRESETS = ['tomorrow', 'threeDays', 'nextWeek', 'nextCycle'] as const;
export type SnoozePreset = (typeof SNOOZE_PRESETS)[number];

/**
 * The day a follow-up snoozed on `asOf` (YYYY-MM-DD) with `preset` is due again; a cycle
 * is the client's cadence in days.
 */
export function snoozeUntil(preset: SnoozePreset, asOf: string, cadenceDays: number): string {
  const days = { tomorrow: 1, threeDays: 3, nextWeek: 7, nextCycle: cadenceDays }[preset];
  return addDays(asOf, days);
}

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
