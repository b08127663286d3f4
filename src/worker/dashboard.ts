import type { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import {
  dashboardSummary,
  satisfactionTrend,
  type DashboardSummary,
  type SatisfactionTrend,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import type { ScoringService } from './scoring-service';

/** The dashboard's figures for the scores the page holds, with the names it lists. */
export interface DashboardData extends DashboardSummary {
  /** The scores record they were computed from. */
  computedAt: string;
  /** Names of the clients the attention panel and the top-client card mention, by id. */
  names: Record<string, string>;
  /** Satisfaction per tier over the last 12 months. */
  satisfactionByTier: SatisfactionTrend;
}

/**
 * Computes the dashboard in the worker: one pass over the in-memory snapshot and the
 * latest scores (a few tens of milliseconds for 50,000 clients), so the page only draws.
 * Null before there are scores.
 */
export async function dashboardData(
  db: TierwiseDb,
  scoring: ScoringService,
  computedAt: string,
  concentrationThreshold: number,
): Promise<DashboardData | null> {
  const [scores, snapshot, model] = await Promise.all([
    scoring.scores(computedAt),
    scoring.currentSnapshot(),
    readActiveModel(db),
  ]);
  if (scores === null || snapshot === null) return null;
  const asOfDay = toEpochDay(scores.asOf);
  const tiers = model.definition.tiers.levels.length;
  const summary = dashboardSummary(snapshot, scores, { asOfDay, tiers, concentrationThreshold });
  const satisfactionByTier = satisfactionTrend(snapshot, scores, asOfDay, tiers);
  const names = await scoring.directory.names([
    ...summary.churn.map((c) => c.id),
    ...summary.complaints.map((c) => c.id),
    ...summary.overdue.map((c) => c.id),
    ...(summary.topClient ? [summary.topClient.id] : []),
  ]);
  return { ...summary, computedAt: scores.computedAt, names, satisfactionByTier };
}
