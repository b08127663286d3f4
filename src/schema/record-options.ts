/*
 * The choices of a client's interactions and feedback, apart from their zod schemas
 * (interaction.ts and feedback.ts, which re-export them): Today's forms show them at
 * start, and a start carries no zod (see `startChunk` in vite.config.ts).
 */

export const INTERACTION_KINDS = ['call', 'email', 'meeting', 'note'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** `csat`: satisfaction 1–5; `nps`: likelihood to recommend 0–10. */
export const FEEDBACK_SCALES = ['csat', 'nps'] as const;
export type FeedbackScale = (typeof FEEDBACK_SCALES)[number];

export const FEEDBACK_RANGE: Record<FeedbackScale, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};
