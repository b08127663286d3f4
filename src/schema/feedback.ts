import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text } from './common';

/** `csat`: satisfaction 1–5; `nps`: likelihood to recommend 0–10. */
export const FEEDBACK_SCALES = ['csat', 'nps'] as const;
export type FeedbackScale = (typeof FEEDBACK_SCALES)[number];

export const FEEDBACK_RANGE: Record<FeedbackScale, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

export const feedbackSchema = z
  .object({
    ...entityFields,
    clientId: clientIdSchema,
    date: isoDateSchema,
    scale: z.enum(FEEDBACK_SCALES),
    score: z.int(),
    comment: text(2000).default(''),
  })
  .refine((f) => f.score >= FEEDBACK_RANGE[f.scale].min && f.score <= FEEDBACK_RANGE[f.scale].max, {
    message: 'Satisfaction is 1 to 5; a recommendation score (NPS) is 0 to 10.',
    path: ['score'],
  });

export type Feedback = z.infer<typeof feedbackSchema>;
