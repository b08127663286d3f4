import { describe, expect, it } from 'vitest';
import { NPS_MIN_RESPONSES, npsGroups } from '$engine/index';

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
