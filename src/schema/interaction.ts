import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text } from './common';
import { INTERACTION_KINDS } from './record-options';

export { INTERACTION_KINDS, type InteractionKind } from './record-options';

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
