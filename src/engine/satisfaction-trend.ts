import { monthOf, monthStarts } from './calendar-months';
import type { Snapshot } from './snapshot';

/** Months in the satisfaction-by-tier chart, ending with the as-of month. */
export const SATISFACTION_MONTHS = 12;

/** The per-client columns of a scores record the trend reads, in `clientIds` order. */
export interface TrendScores {
  clientIds: readonly string[];
  scored: ArrayLike<number>;
  tier: ArrayLike<number>;
}

export interface SatisfactionTrend {
  /** `YYYY-MM` of each month, oldest first. */
  months: string[];
  /** Mean satisfaction 0–100 (CSAT and NPS on one scale) per tier and month; NaN: no answer. */
  mean: number[][];
  /** Answers per tier and month. */
  answers: number[][];
}

/**
 * Satisfaction per tier, month by month (docs/dashboard.md): the mean of the feedback
 * answered in each of the last 12 calendar months up to the as-of day, on the one 0–100
 * scale of the snapshot, by the tier each client is in now. Archived clients are left out.
 */
export function satisfactionTrend(
  snapshot: Snapshot,
  scores: TrendScores,
  asOfDay: number,
  tiers: number,
): SatisfactionTrend {
  const { days, labels } = monthStarts(asOfDay, SATISFACTION_MONTHS);
  const first = days[0]!;
  const sums = Array.from({ length: tiers }, () => new Array<number>(labels.length).fill(0));
  const answers = Array.from({ length: tiers }, () => new Array<number>(labels.length).fill(0));
  const sameOrder =
    scores.clientIds.length === snapshot.clients.ids.length &&
    scores.clientIds.every((id, i) => id === snapshot.clients.ids[i]);
  const indexOf = sameOrder ? null : new Map(snapshot.clients.ids.map((id, i) => [id, i]));
  const fb = snapshot.feedback;
  scores.clientIds.forEach((id, at) => {
    const c = indexOf ? indexOf.get(id) : at;
    if (!scores.scored[at] || c === undefined) return;
    const tier = Math.min(Math.max(scores.tier[at]!, 0), tiers - 1);
    for (let k = fb.offsets[c]!; k < fb.offsets[c + 1]!; k += 1) {
      const day = fb.day[k]!;
      if (day < first || day > asOfDay) continue;
      const month = monthOf(days, day);
      sums[tier]![month]! += fb.score[k]!;
      answers[tier]![month]! += 1;
    }
  });
  const mean = sums.map((row, t) =>
    row.map((sum, m) => (answers[t]![m] ? sum / answers[t]![m]! : NaN)),
  );
  return { months: labels, mean, answers };
}
