import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text } from './common';

/**
 * An evaluation (分层评估) is a snapshot: every scored client's tier, score and rank as
 * of a date, kept so tier history and upgrades/downgrades can be shown later.
 */
export const evaluationEntrySchema = z.object({
  clientId: clientIdSchema,
  tierId: z.string().min(1).max(40),
  score: z.number().min(0).max(100),
  rank: z.int().min(1),
});

export const evaluationSchema = z.object({
  ...entityFields,
  asOf: isoDateSchema,
  label: text(200).default(''),
  modelId: z.string().min(1).max(100),
  entries: z.array(evaluationEntrySchema),
});

export type Evaluation = z.infer<typeof evaluationSchema>;
