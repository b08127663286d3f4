import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text } from './common';
import { FEEDBACK_RANGE, FEEDBACK_SCALES } from './record-options';

export { FEEDBACK_RANGE, FEEDBACK_SCALES, type FeedbackScale } from './record-options';

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
