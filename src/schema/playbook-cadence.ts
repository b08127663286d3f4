import type { Playbook } from './playbook';

/*
 * The playbooks' cadences, apart from their zod schema (playbook.ts, which re-exports
 * them): Today reads them at start, and a start carries no zod (see `startChunk` in
 * vite.config.ts).
 */

/** The longest follow-up cadence, in days (ten years: "hardly ever"). */
export const MAX_CADENCE_DAYS = 3650;

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
