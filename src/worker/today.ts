import type { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import { readSettings } from '$db/settings-repository';
import { listEvaluations, evaluationsKey } from '$db/evaluation-store';
import { saveToday, todayBasis, type SavedToday, type TodayData } from '$db/today-record';
import {
  dueFollowUps,
  nextFollowUp,
  NO_DAY,
  todayAttention,
  type FollowUp,
  type FollowUpDue,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import type { ClientId } from '$schema/common';
import { cadenceByTier } from '$schema/playbook';
import { evaluationDay } from '$schema/settings';
import type { HistoryService } from './history-service';
import type { ScoringService } from './scoring-service';

/** Follow-ups handed to the page: the most pressing; the count says how many more. */
export const FOLLOW_UPS_LISTED = 100;
/** Entries of each other list. */
export const ATTENTION_LISTED = 20;

/** A client's next follow-up, for its file. */
export interface ClientFollowUp extends FollowUpDue {
  asOf: string;
  tier: number;
  /** Whether it is due on or before the as-of day (then it is on Today, unless snoozed). */
  isDue: boolean;
  /** Days past the due day; 0 when not due yet. */
  overdueDays: number;
  missedCycles: number;
}

/**
 * Computes Today in the worker from the scores and the snapshot it holds in memory: one
 * pass over the columns (no rows read), so the page only draws. Due days are counted to
 * the evaluation day of the page's `today` (the user's day, as the page's clock says: the
 * one it dates a logged contact with), so that a contact logged today always counts.
 *
 * The lists last computed are kept, in memory and saved (`SavedToday`), with what they were
 * computed from: asked again from the same inputs, they are answered at once, and a cold
 * start paints the saved ones before this worker has read anything.
 */
export class TodayService {
  readonly #db: TierwiseDb;
  readonly #scoring: ScoringService;
  readonly #history: HistoryService;
  #last: SavedToday | null = null;

  constructor(db: TierwiseDb, scoring: ScoringService, history: HistoryService) {
    this.#db = db;
    this.#scoring = scoring;
    this.#history = history;
  }

  /**
   * What Today and a client's follow-up are computed from besides the snapshot: the
   * scores the page holds (`computedAt`) or newer, the as-of day for the page's `today`,
   * each tier's cadence, and the string of all of it. Null before there are scores.
   */
  async #inputs(computedAt: string, today: string) {
    const db = this.#db;
    const [scores, model, settings, evaluations] = await Promise.all([
      this.#scoring.scores(computedAt),
      readActiveModel(db),
      readSettings(db),
      listEvaluations(db),
    ]);
    if (scores === null) return null;
    const asOf = evaluationDay(settings, today);
    const cadenceDays = cadenceByTier(model.definition.tiers.levels, settings.playbooks);
    const basis = todayBasis({
      computedAt: scores.computedAt,
      asOf,
      cadenceDays,
      evaluations: evaluationsKey(evaluations),
    });
    return { scores, asOf, asOfDay: toEpochDay(asOf), cadenceDays, basis };
  }

  /** Today's lists for the scores the page holds (`computedAt`); null before there are scores. */
  async data(computedAt: string, today: string): Promise<TodayData | null> {
    const inputs = await this.#inputs(computedAt, today);
    if (inputs === null) return null;
    const { scores, asOf, asOfDay, cadenceDays, basis } = inputs;
    if (this.#last?.basis === basis) return this.#last.data;

    const [snapshot, tierChangedDay] = await Promise.all([
      this.#scoring.currentSnapshot(),
      this.#history.tierChangedDays(),
    ]);
    if (snapshot === null) return null;
    const followUps = dueFollowUps(snapshot, scores, { asOfDay, cadenceDays, tierChangedDay });
    const attention = todayAttention(snapshot, scores, asOfDay);
    const listed = {
      followUps: followUps.slice(0, FOLLOW_UPS_LISTED),
      complaints: attention.complaints.slice(0, ATTENTION_LISTED),
      overdue: attention.overdue.slice(0, ATTENTION_LISTED),
      churn: attention.churn.slice(0, ATTENTION_LISTED),
    };
    const [names, snoozes] = await Promise.all([
      this.#scoring.directory.names([
        ...new Set(Object.values(listed).flatMap((items) => items.map((item) => item.id))),
      ]),
      this.#endedSnoozes(listed.followUps),
    ]);
    const data: TodayData = {
      ...listed,
      computedAt: scores.computedAt,
      asOf,
      followUpCount: followUps.length,
      complaintCount: attention.complaints.length,
      overdueCount: attention.overdue.length,
      churnCount: attention.churn.length,
      cadenceDays,
      names,
      snoozes,
    };
    this.#last = { id: 'today', basis, data };
    // Only the next cold start gains from the saved copy: a failure to save costs it its
    // head start, never these lists.
    await saveToday(this.#db, this.#last).catch(() => undefined);
    return data;
  }

  /** The snoozes the follow-ups listed are back from, with their reasons (a few rows read). */
  async #endedSnoozes(followUps: readonly FollowUp[]): Promise<NonNullable<TodayData['snoozes']>> {
    const back = followUps.filter((item) => item.snoozeEndedDay !== NO_DAY);
    // Ids of the scores are ids of stored clients.
    const clients = await this.#db.clients.bulkGet(back.map((item) => item.id as ClientId));
    return Object.fromEntries(
      clients.flatMap((client) =>
        client?.followUpSnooze
          ? [
              [
                client.id,
                { until: client.followUpSnooze.until, reason: client.followUpSnooze.reason },
              ],
            ]
          : [],
      ),
    );
  }

  /**
   * One client's next follow-up, as Today counts it (docs/follow-ups.md); null for an
   * archived client, one the scores do not hold, or before there are scores.
   */
  async followUpOf(
    clientId: string,
    computedAt: string,
    today: string,
  ): Promise<ClientFollowUp | null> {
    const inputs = await this.#inputs(computedAt, today);
    if (inputs === null) return null;
    const { scores, asOf, asOfDay, cadenceDays } = inputs;
    const at = scores.clientIds.indexOf(clientId);
    if (at < 0 || !scores.scored[at]) return null;
    const [snapshot, tierChangedDay] = await Promise.all([
      this.#scoring.currentSnapshot(),
      this.#history.tierChangedDays(),
    ]);
    const c = snapshot?.clients.ids.indexOf(clientId) ?? -1;
    if (snapshot === null || c < 0 || snapshot.clients.archived[c]) return null;
    const tier = Math.max(0, scores.tier[at] ?? 0);
    const next = nextFollowUp(snapshot, c, tier, { asOfDay, cadenceDays, tierChangedDay });
    const overdueDays = Math.max(0, asOfDay - next.dueDay);
    return {
      ...next,
      asOf,
      tier,
      isDue: next.dueDay <= asOfDay,
      overdueDays,
      missedCycles: Math.floor(overdueDays / next.cadenceDays) + 1,
    };
  }
}
