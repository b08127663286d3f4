import type { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import { readSettings } from '$db/settings-repository';
import { dueFollowUps, todayAttention, type FollowUp, type TodayAttention } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { cadenceByTier } from '$schema/playbook';
import { evaluationDay } from '$schema/settings';
import type { HistoryService } from './history-service';
import type { ScoringService } from './scoring-service';

/** Follow-ups handed to the page: the most pressing; the count says how many more. */
export const FOLLOW_UPS_LISTED = 100;
/** Entries of each other list. */
export const ATTENTION_LISTED = 20;

/** Today's lists (docs/follow-ups.md), for the scores the page holds. */
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
}

/**
 * Computes Today in the worker from the scores and the snapshot it holds in memory: one
 * pass over the columns (no rows read), so the page only draws. Due days are counted to
 * the evaluation day of the page's `today` (the user's day, as the page's clock says: the
 * one it dates a logged contact with), so that a contact logged today always counts.
 * Null before there are scores.
 */
export async function todayData(
  db: TierwiseDb,
  scoring: ScoringService,
  history: HistoryService,
  computedAt: string,
  today: string,
): Promise<TodayData | null> {
  const [scores, snapshot, model, settings, tierChangedDay] = await Promise.all([
    scoring.scores(computedAt),
    scoring.currentSnapshot(),
    readActiveModel(db),
    readSettings(db),
    history.tierChangedDays(),
  ]);
  if (scores === null || snapshot === null) return null;
  const asOf = evaluationDay(settings, today);
  const asOfDay = toEpochDay(asOf);
  const cadenceDays = cadenceByTier(model.definition.tiers.levels, settings.playbooks);
  const followUps = dueFollowUps(snapshot, scores, { asOfDay, cadenceDays, tierChangedDay });
  const attention = todayAttention(snapshot, scores, asOfDay);
  const listed = {
    followUps: followUps.slice(0, FOLLOW_UPS_LISTED),
    complaints: attention.complaints.slice(0, ATTENTION_LISTED),
    overdue: attention.overdue.slice(0, ATTENTION_LISTED),
    churn: attention.churn.slice(0, ATTENTION_LISTED),
  };
  const names = await scoring.directory.names([
    ...new Set(Object.values(listed).flatMap((items) => items.map((item) => item.id))),
  ]);
  return {
    ...listed,
    computedAt: scores.computedAt,
    asOf,
    followUpCount: followUps.length,
    complaintCount: attention.complaints.length,
    overdueCount: attention.overdue.length,
    churnCount: attention.churn.length,
    cadenceDays,
    names,
  };
}
