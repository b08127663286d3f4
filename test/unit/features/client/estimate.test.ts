import { describe, expect, it } from 'vitest';
import type { ScoresRecord } from '$db/derived-records';
import { estimate, roughly, twoFigures } from '$features/client/estimate';

const model = (
  level: 'high' | 'medium' | 'low',
  backtest?: { predictedValue: number; actualValue: number },
) =>
  ({
    trust: { level, reason: 'tested' },
    ...(backtest ? { backtest } : {}),
  }) as unknown as ScoresRecord['clvModel']; // estimate reads trust and backtest only

describe('a prediction as precise as its test', () => {
  it('rounds to two figures', () => {
    expect(twoFigures(12_345.67)).toBe(12_000);
    expect(twoFigures(0.4567)).toBeCloseTo(0.46, 12);
    expect(twoFigures(-987)).toBe(-990);
    expect(twoFigures(0)).toBe(0);
  });

  it('is exact when trusted, about when moderately, a range when not', () => {
    expect(estimate(1234.56, model('high'))).toEqual({ kind: 'exact', value: 1234.56 });
    expect(estimate(1234.56, model('medium'))).toEqual({ kind: 'about', value: 1200 });
    // A backtest 80 % too high: the range is from ÷ 1.8 to × 1.8.
    expect(estimate(1000, model('low', { predictedValue: 180, actualValue: 100 }))).toEqual({
      kind: 'range',
      low: 560,
      high: 1800,
    });
    // Never narrower than ÷ 1.5 to × 1.5, never down to nothing.
    expect(estimate(1000, model('low'))).toEqual({ kind: 'range', low: 670, high: 1500 });
    const far = estimate(1000, model('low', { predictedValue: 900, actualValue: 100 }));
    expect(far.kind === 'range' && far.low).toBeGreaterThan(0);
  });

  it('in a narrow cell, is exact when trusted and two figures otherwise', () => {
    expect(roughly(4179.2, model('high'))).toEqual({ kind: 'exact', value: 4179.2 });
    expect(roughly(4179.2, model('low'))).toEqual({ kind: 'about', value: 4200 });
  });
});
