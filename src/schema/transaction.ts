import * as z from 'zod';
import { clientIdSchema, entityFields, isoDateSchema, text } from './common';

/**
 * An invoice or order. `amount` is in the workspace currency and may be negative (a
 * refund or credit note). Profit is `amount - cost` when a cost is known, or
 * `amount - hours × internal hourly rate` when hours are; either may be absent.
 */
export const transactionSchema = z
  .object({
    ...entityFields,
    clientId: clientIdSchema,
    date: isoDateSchema,
    amount: z.number().finite().min(-1e12).max(1e12),
    cost: z.number().finite().min(0).max(1e12).optional(),
    hours: z.number().finite().min(0).max(100_000).optional(),
    dueDate: isoDateSchema.optional(),
    paidDate: isoDateSchema.optional(),
    reference: text(100).default(''),
    description: text(1000).default(''),
  })
  .refine((t) => t.dueDate === undefined || t.dueDate >= t.date, {
    message: 'The due date cannot be before the invoice date.',
    path: ['dueDate'],
  });

export type Transaction = z.infer<typeof transactionSchema>;
