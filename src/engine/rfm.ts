import { percentileRanks } from './normalise';

/** The standard named RFM segments, plus `none` for clients who have not bought yet. */
export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potentialLoyalist',
  'new',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLoseThem',
  'hibernating',
  'lost',
  'none',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * Segment from the R and F scores (M is reported, not used: it moves with F). Every one
 * of the 25 (R, F) pairs has exactly one segment:
 *
 * | R \ F | 1 | 2 | 3 | 4 | 5 |
 * |---|---|---|---|---|---|
 * | 5 | new | potential loyalist | potential loyalist | champions | champions |
 * | 4 | promising | potential loyalist | potential loyalist | loyal | loyal |
 * | 3 | about to sleep | about to sleep | need attention | loyal | loyal |
 * | 2 | hibernating | hibernating | at risk | at risk | can't lose them |
 * | 1 | lost | hibernating | at risk | at risk | can't lose them |
 */
const SEGMENT_GRID: readonly (readonly RfmSegment[])[] = [
  // R = 1, F = 1..5
  ['lost', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'],
  ['promising', 'potentialLoyalist', 'potentialLoyalist', 'loyal', 'loyal'],
  ['new', 'potentialLoyalist', 'potentialLoyalist', 'champions', 'champions'],
];

export function rfmSegment(r: number, f: number): RfmSegment {
  return SEGMENT_GRID[r - 1]?.[f - 1] ?? 'none';
}

/** SEGMENT_GRID as indexes into RFM_SEGMENTS, at `5 × (r − 1) + (f − 1)`. */
const SEGMENT_INDEX = Uint8Array.from(SEGMENT_GRID.flat(), (segment) =>
  RFM_SEGMENTS.indexOf(segment),
);

/**
 * Quintile scores 1–5 among clients who have bought: score = min(5, 1 + ⌊5p⌋) with p the
 * mid-rank percentile of `percentileRanks`, so tied values always share a score, a lone
 * buyer (or a base where everyone is equal) scores 3, and the best value scores 5.
 * R uses days since the last purchase (fewer is better), F the number of purchase days,
 * M the net revenue, both over the whole history. 0 = not a buyer.
 */
export function rfmScores(
  include: Uint8Array,
  purchaseDays: Int32Array,
  recencyDays: Float64Array,
  monetary: Float64Array,
): { r: Uint8Array; f: Uint8Array; m: Uint8Array; segment: Uint8Array } {
  const n = include.length;
  const buyers = new Uint8Array(n);
  const days = new Float64Array(n);
  const sinceLast = new Float64Array(n);
  for (let c = 0; c < n; c += 1) {
    buyers[c] = include[c] && purchaseDays[c]! > 0 ? 1 : 0;
    days[c] = purchaseDays[c]!;
    sinceLast[c] = -recencyDays[c]!; // fewer days is better
  }
  const pr = percentileRanks(sinceLast, buyers);
  const pf = percentileRanks(days, buyers);
  const pm = percentileRanks(monetary, buyers);
  const r = new Uint8Array(n);
  const f = new Uint8Array(n);
  const m = new Uint8Array(n);
  const segment = new Uint8Array(n).fill(RFM_SEGMENTS.indexOf('none'));
  for (let c = 0; c < n; c += 1) {
    if (!buyers[c]) continue;
    const rc = quintile(pr[c]!);
    const fc = quintile(pf[c]!);
    r[c] = rc;
    f[c] = fc;
    m[c] = quintile(pm[c]!);
    segment[c] = SEGMENT_INDEX[5 * (rc - 1) + (fc - 1)]!;
  }
  return { r, f, m, segment };
}

function quintile(p: number): number {
  return Math.min(5, 1 + Math.floor(p * 5));
}
