import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text } from './common';

export const INTERACTION_KINDS = ['call', 'email', 'meeting', 'note'] as const;
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** A contact with the client; `followUpDate` is when the next contact is due. */
export const interactionSchema = z.object({
  ...entityFields,
  clientId: clientIdSchema,
  date: isoDateSchema,
  kind: z.enum(INTERACTION_KINDS),
  summary: text(2000).default(''),
  followUpDate: isoDateSchema.optional(),
});

export type Interaction = z.infer<typeof interactionSchema>;
