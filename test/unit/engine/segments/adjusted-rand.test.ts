import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand';

describe('adjustedRandIndex (the test helper)', () => {
  it('is 1 for the same grouping under other numbers', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2, 2], [5, 5, 3, 3, 9, 9])).toBe(1);
  });

  it('matches a hand-computed value', () => {
    // Contingency [[2, 1], [0, 3]]: Σ C(nij,2) = 1 + 0 + 0 + 3 = 4; rows 3, 3 → 6; cols 2, 4 → 7;
    // E = 6 · 7 / 15 = 2.8; max = 6.5; ARI = (4 − 2.8) / (6.5 − 2.8) = 1.2 / 3.7.
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1])).toBeCloseTo(1.2 / 3.7, 12);
  });
});
