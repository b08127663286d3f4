import { NO_DAY, type Snapshot } from './snapshot';

/**
 * Follow-ups (定期回访, docs/follow-ups.md): when each client is next due for contact,
 * from its last touch and the cadence of its tier's playbook, computed for an as-of day
 * whenever asked — never kept by timers, so nothing is lost while the app is closed.
 */

/** The per-client columns of a scores record follow-ups read, in `clientIds` order. */
export interface FollowUpScores {
  clientIds: readonly string[];
  /** 0 for archived clients: they have no follow-ups. */
  scored: ArrayLike<number>;
  /** Index of the client's tier level (a pin already applied). */
  tier: ArrayLike<number>;
  /** P(active), 0–1; NaN when unknown. */
  pActive: ArrayLike<number>;
  /** Predicted 12-month value; NaN when unknown. */
  clv12m: ArrayLike<number>;
  /** Revenue over the scoring window. */
  windowRevenue: ArrayLike<number>;
}

export interface FollowUpOptions {
  /** The as-of day (epoch day): touches after it do not count. */
  asOfDay: number;
  /** Days between follow-ups for each tier level, best tier first (the playbooks). */
  cadenceDays: readonly number[];
  /**
   * The epoch day each client's tier last changed, by client id, where the evaluations
   * know it (absent: never seen to change).
   */
  tierChangedDay?: ReadonlyMap<string, number>;
}

/** What the next follow-up is counted from. */
export type FollowUpBase = 'touch' | 'tierChange' | 'date' | 'never';

/** One client's next follow-up. */
export interface FollowUpDue {
  /** Epoch day of the client's last interaction, invoice or feedback; NO_DAY: never. */
  lastTouchDay: number;
  /** The day the cadence counts from (`dueDay − cadenceDays`, or the set date). */
  baseDay: number;
  base: FollowUpBase;
  /** Days between follow-ups for this client, and whether the client overrides its tier. */
  cadenceDays: number;
  ownCadence: boolean;
  dueDay: number;
}

/** A follow-up due on or before the as-of day, with what ranks it. */
export interface FollowUp extends FollowUpDue {
  id: string;
  tier: number;
  /** Days past the due day (0: due today). Missed cycles are this one item. */
  overdueDays: number;
  /** Cadence dates passed since the due day, the due day included (1 or more). */
  missedCycles: number;
  /** The value factor: 12-month CLV, else window revenue, at least 1. */
  value: number;
  /** The risk factor: 2 − P(active), 1 (surely active) to 2 (surely gone). */
  risk: number;
  /** value × (1 + overdueDays) × risk: the larger, the sooner. */
  priority: number;
  /**
   * The day a snooze of this follow-up ended, when no touch came after it (the item is
   * back from the snooze); NO_DAY otherwise.
   */
  snoozeEndedDay: number;
}

/** P(active) assumed for a client the model cannot judge (no purchases). */
const UNKNOWN_P_ACTIVE = 0.5;

/** The last day of `day[start…end)` on or before `asOfDay` (rows in date order), or NO_DAY. */
function lastDayUpTo(day: Int32Array, start: number, end: number, asOfDay: number): number {
  for (let k = end - 1; k >= start; k -= 1) if (day[k]! <= asOfDay) return day[k]!;
  return NO_DAY;
}

/**
 * The next follow-up of snapshot client `c` in tier `tier`: the last touch (interaction,
 * invoice or feedback, up to the as-of day) plus the cadence — the client's own, else its
 * tier's. A tier change seen by the evaluations after the last touch re-bases it: the new
 * tier's cadence counts from the change. A follow-up date set on an interaction that no
 * later touch followed replaces the cadence. A client never touched is due on the as-of
 * day (or a cadence after its tier changed).
 */
export function nextFollowUp(
  snapshot: Snapshot,
  c: number,
  tier: number,
  options: FollowUpOptions,
): FollowUpDue {
  const { asOfDay } = options;
  const { transactions: tx, interactions: ix, feedback: fb, clients } = snapshot;
  const lastTouchDay = Math.max(
    lastDayUpTo(tx.day, tx.offsets[c]!, tx.offsets[c + 1]!, asOfDay),
    lastDayUpTo(ix.day, ix.offsets[c]!, ix.offsets[c + 1]!, asOfDay),
    lastDayUpTo(fb.day, fb.offsets[c]!, fb.offsets[c + 1]!, asOfDay),
  );
  const own = clients.cadenceDays[c]!;
  const tierCadence = options.cadenceDays[Math.min(tier, options.cadenceDays.length - 1)] ?? 0;
  const cadenceDays = own > 0 ? own : Math.max(1, tierCadence);
  const result = (baseDay: number, base: FollowUpBase, dueDay: number): FollowUpDue => ({
    lastTouchDay,
    baseDay,
    base,
    cadenceDays,
    ownCadence: own > 0,
    dueDay,
  });

  // A date set for the next contact, on an interaction no later touch followed.
  let setDay = NO_DAY;
  for (let k = ix.offsets[c]!; k < ix.offsets[c + 1]!; k += 1) {
    const day = ix.day[k]!;
    if (day > asOfDay || day < lastTouchDay || ix.followUpDay[k] === NO_DAY) continue;
    setDay = Math.max(setDay, ix.followUpDay[k]!);
  }
  if (setDay !== NO_DAY) return result(lastTouchDay, 'date', setDay);

  const changed = options.tierChangedDay?.get(clients.ids[c]!);
  const changeDay = changed !== undefined && changed <= asOfDay ? changed : NO_DAY;
  if (changeDay !== NO_DAY && changeDay > lastTouchDay) {
    return result(changeDay, 'tierChange', changeDay + cadenceDays);
  }
  if (lastTouchDay === NO_DAY) return result(asOfDay, 'never', asOfDay);
  return result(lastTouchDay, 'touch', lastTouchDay + cadenceDays);
}

/** Whether snapshot client `c` has a follow-up snoozed past the as-of day. */
export function isSnoozed(snapshot: Snapshot, c: number, asOfDay: number): boolean {
  const until = snapshot.clients.snoozeUntilDay[c]!;
  return until !== NO_DAY && until > asOfDay;
}

/**
 * Every follow-up due on or before the as-of day and not snoozed past it, most pressing
 * first: priority = value × (1 + days overdue) × (2 − P(active)) (docs/follow-ups.md),
 * then the longest overdue, then by id. Archived clients have none. A client is listed
 * once however many cycles it missed.
 */
export function dueFollowUps(
  snapshot: Snapshot,
  scores: FollowUpScores,
  options: FollowUpOptions,
): FollowUp[] {
  const { asOfDay } = options;
  const sameOrder =
    scores.clientIds.length === snapshot.clients.ids.length &&
    scores.clientIds.every((id, i) => id === snapshot.clients.ids[i]);
  const indexOf = sameOrder ? null : new Map(snapshot.clients.ids.map((id, i) => [id, i]));
  const due: FollowUp[] = [];
  scores.clientIds.forEach((id, at) => {
    const c = indexOf ? indexOf.get(id) : at;
    if (!scores.scored[at] || c === undefined || snapshot.clients.archived[c]) return;
    if (isSnoozed(snapshot, c, asOfDay)) return;
    const tier = Math.max(0, scores.tier[at]!);
    const next = nextFollowUp(snapshot, c, tier, options);
    if (next.dueDay > asOfDay) return;
    const overdueDays = asOfDay - next.dueDay;
    const clv = scores.clv12m[at]!;
    const value = Math.max(1, Number.isFinite(clv) && clv > 0 ? clv : scores.windowRevenue[at]!);
    const p = scores.pActive[at]!;
    const until = snapshot.clients.snoozeUntilDay[c]!;
    const risk = 2 - (Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : UNKNOWN_P_ACTIVE);
    due.push({
      ...next,
      id,
      tier,
      overdueDays,
      missedCycles: Math.floor(overdueDays / next.cadenceDays) + 1,
      value,
      risk,
      priority: value * (1 + overdueDays) * risk,
      snoozeEndedDay: until !== NO_DAY && until > next.lastTouchDay ? until : NO_DAY,
    });
  });
  due.sort(
    (a, b) => b.priority - a.priority || b.overdueDays - a.overdueDays || (a.id < b.id ? -1 : 1),
  );
  return due;
}
