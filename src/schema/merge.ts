import * as z from 'zod';
import { clientSchema } from './client';
import { clientIdSchema, idSchema, timestampSchema } from './common';

/** A moved record: its id and its `updatedAt` before the merge (an undo puts it back). */
export const movedRecordSchema = z.tuple([idSchema, timestampSchema]);
export type MovedRecord = z.infer<typeof movedRecordSchema>;

/**
 * One merge of two clients, kept so that it can be undone at any later time: the merged
 * client as it was, the kept client as it was, and every record moved from one to the
 * other (invoices, contacts, feedback, complaints, and the clients it had referred).
 */
export const mergeRecordSchema = z.object({
  id: idSchema,
  /** When the merge was made; also the `updatedAt` it gave every record it changed. */
  mergedAt: timestampSchema,
  keptId: clientIdSchema,
  mergedId: clientIdSchema,
  /** The merged client, deleted by the merge, exactly as it was. */
  merged: clientSchema,
  /** The kept client before the merge (the merge adds the other's tags and blank fields). */
  keptBefore: clientSchema,
  moved: z.object({
    transactions: z.array(movedRecordSchema),
    interactions: z.array(movedRecordSchema),
    feedback: z.array(movedRecordSchema),
    complaints: z.array(movedRecordSchema),
    /** Clients the merged one had referred, now referred by the kept one. */
    referrals: z.array(movedRecordSchema),
  }),
});
export type MergeRecord = z.infer<typeof mergeRecordSchema>;

/** A finding of the data-quality report the user marked "not a problem". */
export const qualityDismissalSchema = z.object({
  /** The finding's id (`findingId` in the engine). */
  id: z.string().min(1).max(400),
  dismissedAt: timestampSchema,
});
export type QualityDismissal = z.infer<typeof qualityDismissalSchema>;
