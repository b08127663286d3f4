import * as z from 'zod';
import { text } from './common';

/** The longest follow-up cadence, in days (ten years: "hardly ever"). */
export const MAX_CADENCE_DAYS = 3650;

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

/** Which of the method's default playbooks a tier at `index` of `count` tiers gets. */
export type PlaybookRole = 'top' | 'second' | 'middle' | 'lowest';

export function playbookRole(index: number, count: number): PlaybookRole {
  if (index >= count - 1) return 'lowest';
  if (index === 0) return 'top';
  return index === 1 ? 'second' : 'middle';
}

/** The method's cadences: VIP every 30 days, Core 60, Ordinary 120, the lowest tier 180. */
export const DEFAULT_CADENCE_DAYS: Record<PlaybookRole, number> = {
  top: 30,
  second: 60,
  middle: 120,
  lowest: 180,
};

/**
 * The follow-up cadence of each tier level, best first: the tier's saved playbook, else
 * the method's default for its place.
 */
export function cadenceByTier(
  levels: readonly { id: string }[],
  playbooks: readonly Pick<Playbook, 'tierId' | 'cadenceDays'>[] | undefined,
): number[] {
  return levels.map(
    (level, i) =>
      playbooks?.find((book) => book.tierId === level.id)?.cadenceDays ??
      DEFAULT_CADENCE_DAYS[playbookRole(i, levels.length)],
  );
}
