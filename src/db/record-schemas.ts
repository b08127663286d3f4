import type { z } from 'zod';
import { complaintSchema } from '$schema/complaint';
import { feedbackSchema } from '$schema/feedback';
import { interactionSchema } from '$schema/interaction';
import type { RecordKind, RecordOf } from './client-records';

/**
 * The schema of each kind of client record. client-records.ts loads this file with its
 * first save, not at start: a start carries no zod (see `startChunk` in vite.config.ts).
 */
export const RECORD_SCHEMAS: { [K in RecordKind]: z.ZodType<RecordOf<K>, unknown> } = {
  interactions: interactionSchema,
  feedback: feedbackSchema,
  complaints: complaintSchema,
};
