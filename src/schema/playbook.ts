import * as z from 'zod';
import { text } from './common';
import { MAX_CADENCE_DAYS } from './playbook-cadence';

export {
  DEFAULT_CADENCE_DAYS,
  MAX_CADENCE_DAYS,
  cadenceByTier,
  playbookRole,
  type PlaybookRole,
} from './playbook-cadence';

/** Days between follow-ups: a whole number from 1 to ten years. */
export const cadenceDaysSchema = z.int().min(1).max(MAX_CADENCE_DAYS);

/**
 * A score tier's playbook (management strategy, docs/follow-ups.md): what to do with its
 * clients, how often to get in touch, and a checklist of actions.
 */
export const playbookSchema = z.object({
  /** The tier level it belongs to (`ScoringDefinition.tiers.levels[].id`). */
  tierId: z.string().min(1).max(40),
  /** Absent: the method's default for the tier's place, in the user's language (it follows it). */
  strategy: text(2000).optional(),
  cadenceDays: cadenceDaysSchema,
  /** Absent: the method's default actions, likewise. */
  actions: z.array(text(200).min(1)).max(20).optional(),
});
export type Playbook = z.infer<typeof playbookSchema>;

/** The playbooks of a workspace: at most one per tier (a model has at most 8). */
export const playbooksSchema = z
  .array(playbookSchema)
  .max(8)
  .refine((books) => new Set(books.map((b) => b.tierId)).size === books.length, {
    message: 'A tier has one playbook.',
  });
