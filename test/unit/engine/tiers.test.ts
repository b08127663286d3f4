import { describe, expect, it } from 'vitest';
import {
  abcClasses,
  lifecycleStage,
  RFM_SEGMENTS,
  rfmScores,
  rfmSegment,
  rankClients,
  scoreTiers,
} from '$engine/index';
import { sortedIndexes } from '$engine/sort-indexes';
import { model } from './fixtures';

const f = (...xs: number[]) => Float64Array.from(xs);
const all = (n: number) => new Uint8Array(n).fill(1);

describe('rankClients', () => {
  it('orders by composite, then value, then revenue, then snapshot (id) order', () => {
    const { order, rank } = rankClients(
      all(5),
      f(50, 80, 50, 50, 50),
      f(60, 10, 70, 60, 60),
      f(100, 0, 0, 300, 300),
    );
    // 3 and 4 tie on everything: snapshot order (= id order) decides.
    expect(Array.from(order)).toEqual([1, 2, 3, 4, 0]);
    expect(Array.from(rank)).toEqual([5, 1, 2, 3, 4]);
  });

  it('gives unscored clients rank 0', () => {
    const { rank } = rankClients(Uint8Array.from([1, 0]), f(1, 2), f(1, 2), f(0, 0));
    expect(Array.from(rank)).toEqual([1, 0]);
  });
});

describe('scoreTiers', () => {
  const tiers = model().tiers; // thresholds 75 / 55 / 35 / 0
  it('by thresholds: the first tier the score reaches', () => {
    const composite = f(75, 74.99, 55, 35, 34.9, 0);
    const order = Int32Array.from([0, 1, 2, 3, 4, 5]);
    expect(Array.from(scoreTiers(order, composite, tiers, 6))).toEqual([0, 1, 1, 2, 3, 3]);
  });

  it('by quotas (10/25/40/25 of 20 clients: 2, 5, 8, 5)', () => {
    const composite = Float64Array.from({ length: 20 }, (_, i) => 100 - i);
    const order = Int32Array.from({ length: 20 }, (_, i) => i);
    const quotas = { ...tiers, method: 'quotas' as const };
    const tier = Array.from(scoreTiers(order, composite, quotas, 20));
    expect([0, 1, 2, 3].map((t) => tier.filter((x) => x === t).length)).toEqual([2, 5, 8, 5]);
  });

  it('by quotas, a tie straddling a boundary goes to the better tier', () => {
    // Ranks 2 and 3 tie; the VIP quota (10% of 20) ends after rank 2.
    const composite = Float64Array.from({ length: 20 }, (_, i) => (i === 2 ? 99 : 100 - i));
    const order = Int32Array.from({ length: 20 }, (_, i) => i);
    const quotas = { ...tiers, method: 'quotas' as const };
    const tier = Array.from(scoreTiers(order, composite, quotas, 20));
    expect(tier.slice(0, 4)).toEqual([0, 0, 0, 1]);
  });
});

describe('abcClasses', () => {
  const order = Int32Array.from([0, 1, 2, 3, 4]);
  it('the client that crosses 80% is still A', () => {
    // shares: 50, 25 (cum 75), 15 (75 → 90: crosses 80 → A), 6 (90 → 96: B), 4 (C)
    const classes = abcClasses(order, f(500, 250, 150, 60, 40), { aPercent: 80, bPercent: 15 }, 5);
    expect(Array.from(classes)).toEqual([0, 0, 0, 1, 2]);
  });

  it('exactly at the boundary goes to the next class; no revenue is C', () => {
    const classes = abcClasses(order, f(80, 15, 5, 0, -10), { aPercent: 80, bPercent: 15 }, 5);
    expect(Array.from(classes)).toEqual([0, 1, 2, 2, 2]);
    expect(
      Array.from(abcClasses(order, f(0, 0, 0, 0, 0), { aPercent: 80, bPercent: 15 }, 5)),
    ).toEqual([2, 2, 2, 2, 2]);
  });
});

describe('abcClasses with equal revenue', () => {
  it('takes equal revenue in rank order, whether or not the revenue order is given', () => {
    // Clients 1 and 3 earn the same; client 3 ranks first, so it is counted before 1.
    const revenue = f(50, 20, 5, 20, 5);
    const order = Int32Array.from([0, 3, 1, 4, 2]);
    const abc = { aPercent: 60, bPercent: 25 };
    // Before 3: 50 of 100 → A; before 1: 70 → B; before 4: 90 → C; before 2: 95 → C.
    const expected = [0, 1, 2, 0, 2];
    expect(Array.from(abcClasses(order, revenue, abc, 5))).toEqual(expected);
    const ascending = sortedIndexes(revenue, new Uint8Array(5).fill(1));
    expect(Array.from(abcClasses(order, revenue, abc, 5, ascending))).toEqual(expected);
    // Rank the other way round and the two swap.
    const swapped = Int32Array.from([0, 1, 3, 2, 4]);
    expect(Array.from(abcClasses(swapped, revenue, abc, 5))).toEqual([0, 0, 2, 1, 2]);
  });
});

describe('RFM', () => {
  it('maps every (R, F) pair to exactly one named segment', () => {
    const grid: string[] = [];
    for (let r = 5; r >= 1; r -= 1) {
      const row: string[] = [];
      for (let f = 1; f <= 5; f += 1) row.push(rfmSegment(r, f));
      grid.push(row.join(' '));
    }
    expect(grid).toEqual([
      'new potentialLoyalist potentialLoyalist champions champions',
      'promising potentialLoyalist potentialLoyalist loyal loyal',
      'aboutToSleep aboutToSleep needAttention loyal loyal',
      'hibernating hibernating atRisk atRisk cantLoseThem',
      'lost hibernating atRisk atRisk cantLoseThem',
    ]);
    expect(rfmSegment(0, 0)).toBe('none');
  });

  it('scores quintiles 1–5 with ties sharing a score; non-buyers get none', () => {
    const n = 11;
    const purchaseDays = Int32Array.from({ length: n }, (_, i) => (i === 10 ? 0 : i + 1));
    const recency = Float64Array.from({ length: n }, (_, i) => (i === 10 ? NaN : 100 - i * 10));
    const monetary = Float64Array.from({ length: n }, (_, i) => (i < 2 ? 50 : i * 100));
    const { r, f, m, segment } = rfmScores(all(n), purchaseDays, recency, monetary);
    expect(Array.from(f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0]);
    expect(Array.from(r)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 0]);
    expect(m[0]).toBe(m[1]);
    expect(RFM_SEGMENTS[segment[9]!]).toBe('champions');
    expect(RFM_SEGMENTS[segment[0]!]).toBe('lost');
    expect(RFM_SEGMENTS[segment[10]!]).toBe('none');
  });

  it('a lone buyer scores 3 on each', () => {
    const { r, f, m } = rfmScores(all(1), Int32Array.of(4), f1(10), f1(900));
    expect([r[0], f[0], m[0]]).toEqual([3, 3, 3]);
  });
});

function f1(x: number): Float64Array {
  return Float64Array.of(x);
}

describe('lifecycleStage', () => {
  const rules = model().lifecycle; // new 90, dormant 180 / 0.5, churned 365 / 0.15
  it.each([
    ['prospect', 0, Infinity, Infinity, NaN, 0],
    ['new', 1, 20, 60, NaN, 1],
    ['active', 5, 20, 400, NaN, 2],
    ['dormant by silence', 5, 181, 900, NaN, 3],
    ['churned by silence', 5, 366, 900, NaN, 4],
    ['dormant by P(active)', 5, 20, 400, 0.3, 3],
    ['churned by P(active)', 5, 20, 400, 0.1, 4],
    // The boundaries, as docs/scoring.md states them: "180 or more days ago" is dormant.
    ['active at 179 days of silence', 5, 179, 900, NaN, 2],
    ['dormant at exactly 180 days', 5, 180, 900, NaN, 3],
    ['dormant at 364 days', 5, 364, 900, NaN, 3],
    ['churned at exactly 365 days', 5, 365, 900, NaN, 4],
    ['new at 89 days', 1, 10, 89, NaN, 1],
    ['no longer new at exactly 90 days', 1, 10, 90, NaN, 2],
  ])('%s', (_, days, sinceLast, sinceFirst, pActive, stage) => {
    expect(lifecycleStage(days, sinceLast, sinceFirst, pActive, rules)).toBe(stage);
  });
});
