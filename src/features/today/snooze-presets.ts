import { addDays } from '$lib/dates';

/*
 * The snooze presets, apart from the forms' zod schemas (follow-up-forms.ts, loaded when
 * a form is saved): the snooze form shows them at start, and a start carries no zod (see
 * `startChunk` in vite.config.ts).
 */

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
