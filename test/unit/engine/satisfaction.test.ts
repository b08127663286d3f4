import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  NPS_MIN_RESPONSES,
  npsGroups,
  SATISFACTION_MONTHS,
  satisfactionTrend,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';

describe('npsGroups', () => {
  it('counts promoters (9–10), passives (7–8) and detractors (0–6)', () => {
    expect(npsGroups([10, 9, 8, 7, 6, 0])).toEqual({
      promoters: 2,
      passives: 2,
      detractors: 2,
      responses: 6,
      score: null,
    });
  });

  it('gives no score under the minimum of answers, only the counts', () => {
    const few = npsGroups(new Array<number>(NPS_MIN_RESPONSES - 1).fill(10));
    expect([few.promoters, few.score]).toEqual([NPS_MIN_RESPONSES - 1, null]);
  });

  it('gives % promoters − % detractors from the minimum on', () => {
    // 18 promoters, 6 passives, 6 detractors of 30: 60 % − 20 % = 40.
    const answers = [
      ...Array<number>(18).fill(9),
      ...Array<number>(6).fill(7),
      ...Array<number>(6).fill(3),
    ];
    expect(npsGroups(answers).score).toBe(40);
    expect(npsGroups(Array<number>(30).fill(0)).score).toBe(-100);
  });

  it('ignores answers off the 0–10 scale', () => {
    expect(npsGroups([11, -1, 2.5, NaN, 9]).responses).toBe(1);
  });
});

describe('satisfactionTrend', () => {
  it('averages each month’s answers per tier on the 0–100 scale, leaving months without any empty', () => {
    const snapshot = buildSnapshot({
      clients: [{ id: 'a' }, { id: 'b' }, { id: 'gone', archived: true }],
      transactions: [],
      interactions: [],
      complaints: [],
      feedback: [
        { clientId: 'a', date: '2026-06-02', scale: 'csat', score: 5 },
        { clientId: 'a', date: '2026-06-20', scale: 'nps', score: 5 },
        { clientId: 'b', date: '2026-04-10', scale: 'csat', score: 1 },
        { clientId: 'b', date: '2025-06-30', scale: 'csat', score: 5 },
        { clientId: 'a', date: '2026-07-01', scale: 'csat', score: 1 },
        { clientId: 'gone', date: '2026-06-10', scale: 'csat', score: 1 },
      ],
    });
    const scores = { clientIds: ['a', 'b', 'gone'], scored: [1, 1, 0], tier: [0, 1, 1] };
    const trend = satisfactionTrend(snapshot, scores, toEpochDay('2026-06-30'), 2);
    expect(trend.months).toHaveLength(SATISFACTION_MONTHS);
    expect([trend.months[0], trend.months.at(-1)]).toEqual(['2025-07', '2026-06']);
    // June: CSAT 5 = 100 and NPS 5 = 50; July's answer is after the as-of day.
    expect(trend.mean[0]?.at(-1)).toBe(75);
    expect(trend.answers[0]?.at(-1)).toBe(2);
    // April for tier 1: CSAT 1 = 0; the answer of 2025-06-30 is before the first month.
    expect(trend.mean[1]?.[9]).toBe(0);
    expect(trend.answers[1]?.reduce((s, n) => s + n, 0)).toBe(1);
    expect(Number.isNaN(trend.mean[1]?.at(-1))).toBe(true);
  });
});
