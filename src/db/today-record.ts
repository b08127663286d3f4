import type { FollowUp, TodayAttention } from '$engine/index';
import type { ScoresTableRecord, TierwiseDb } from './database';

/** Today's lists (docs/follow-ups.md) as the worker hands them to the page. */
export interface TodayData extends TodayAttention {
  computedAt: string;
  /** The day everything is as of (YYYY-MM-DD). */
  asOf: string;
  followUps: FollowUp[];
  /** Due follow-ups in all, listed or not. */
  followUpCount: number;
  complaintCount: number;
  overdueCount: number;
  churnCount: number;
  /** The cadence of each tier level, best first. */
  cadenceDays: number[];
  /** Names of the clients listed, by id. */
  names: Record<string, string>;
  /**
   * The snooze each listed follow-up is back from (`FollowUp.snoozeEndedDay`), with its
   * reason, by client id. Absent from lists saved before it was kept.
   */
  snoozes?: Record<string, { until: string; reason: string }>;
}

/** Everything Today's lists are computed from, besides the data the scores were made of. */
export interface TodayInputs {
  /** The scores' `computedAt`: a change to any record makes new scores. */
  computedAt: string;
  /** The as-of day (YYYY-MM-DD). */
  asOf: string;
  /** The playbooks' cadence per tier level. */
  cadenceDays: readonly number[];
  /** `evaluationsKey` of every evaluation (tier changes re-base follow-ups). */
  evaluations: string;
}

/**
 * Today's lists as the worker last computed them, saved in the `scores` table under
 * `today` (a few tens of kilobytes): a cold start on Today paints them at once when they
 * were computed from the same inputs as the page now sees, instead of waiting for the
 * worker to read the snapshot and the evaluations (seconds at 50,000 clients).
 */
export interface SavedToday {
  id: 'today';
  /** `todayBasis` of the inputs they were computed from. */
  basis: string;
  data: TodayData;
}

/** One string for the inputs: equal strings, equal lists. */
export function todayBasis(inputs: TodayInputs): string {
  return [inputs.computedAt, inputs.asOf, inputs.cadenceDays.join(','), inputs.evaluations].join(
    '|',
  );
}

export async function readSavedToday(db: TierwiseDb): Promise<SavedToday | undefined> {
  return savedTodayIn(await db.scores.get('today'));
}

/** The record under the `scores` table's key `today`, if it is one. */
export function savedTodayIn(record: ScoresTableRecord | undefined): SavedToday | undefined {
  return record?.id === 'today' ? record : undefined;
}

export async function saveToday(db: TierwiseDb, record: SavedToday): Promise<void> {
  await db.scores.put(record);
}
