import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text } from './common';

export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const;
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/** A complaint is open until it has a `resolvedAt` date. */
export const complaintSchema = z
  .object({
    ...entityFields,
    clientId: clientIdSchema,
    openedAt: isoDateSchema,
    severity: z.enum(COMPLAINT_SEVERITIES),
    description: text(2000).default(''),
    resolvedAt: isoDateSchema.optional(),
    resolution: text(2000).default(''),
  })
  .refine((c) => c.resolvedAt === undefined || c.resolvedAt >= c.openedAt, {
    message: 'A complaint cannot be resolved before it was opened.',
    path: ['resolvedAt'],
  });

export type Complaint = z.infer<typeof complaintSchema>;
