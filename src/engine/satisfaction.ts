/**
 * Net Promoter grouping (docs/follow-ups.md, "Satisfaction"): answers of 9–10 are
 * promoters, 7–8 passives, 0–6 detractors; NPS = % promoters − % detractors, −100 to 100.
 */

/** Under this many answers the score is not given: the counts say more than a percentage. */
export const NPS_MIN_RESPONSES = 30;

export interface NpsGroups {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
  /** % promoters − % detractors, rounded; null under `NPS_MIN_RESPONSES` answers. */
  score: number | null;
}

/** Groups 0–10 answers (others are ignored). */
export function npsGroups(answers: Iterable<number>): NpsGroups {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const answer of answers) {
    if (!Number.isInteger(answer) || answer < 0 || answer > 10) continue;
    if (answer >= 9) promoters += 1;
    else if (answer >= 7) passives += 1;
    else detractors += 1;
  }
  const responses = promoters + passives + detractors;
  const score =
    responses >= NPS_MIN_RESPONSES
      ? Math.round(((promoters - detractors) / responses) * 100) + 0
      : null;
  return { promoters, passives, detractors, responses, score };
}
