import { describe, expect, it } from 'vitest';
import { expectedAverageValue, fitGammaGamma, rfmSummary } from '$engine/index';
import { expectedSpend } from '$engine/clv/gamma-gamma';
import { CDNOW_AS_OF, cdnowTransactions } from './cdnow';

const PUBLISHED = { p: 6.25, q: 3.74, v: 15.44 };

function expectWithin(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('fitGammaGamma on the CDNOW sample', () => {
  const rows = rfmSummary(cdnowTransactions(), { asOf: CDNOW_AS_OF, unit: 'week' });
  const fit = fitGammaGamma(rows);

  it('uses the 946 repeat buyers and finds the published estimates within 0.5 %', () => {
    expect(rows.filter((row) => row.frequency > 0 && row.monetary > 0)).toHaveLength(946);
    expect(fit.converged).toBe(true);
    expectWithin(fit.p, PUBLISHED.p, 0.005);
    expectWithin(fit.q, PUBLISHED.q, 0.005);
    expectWithin(fit.v, PUBLISHED.v, 0.005);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('does not depend on the order of the clients', () => {
    expect(fitGammaGamma([...rows].reverse())).toEqual(fit);
  });

  it('does not depend on the currency (v scales, p and q stay)', () => {
    const cents = fitGammaGamma(rows.map((row) => ({ ...row, monetary: row.monetary * 100 })));
    expectWithin(cents.p, fit.p, 1e-6);
    expectWithin(cents.q, fit.q, 1e-6);
    expectWithin(cents.v, fit.v * 100, 1e-6);
  });

  it('shrinks the parameters under a penalty', () => {
    const penalised = fitGammaGamma(rows, { penalizer: 0.1 });
    expect(penalised.p ** 2 + penalised.q ** 2).toBeLessThan(fit.p ** 2 + fit.q ** 2);
  });
});

describe('expectedAverageValue', () => {
  // Hand-computed with the published parameters: population mean p v / (q − 1) =
  // 35.2190, weight of the client's own mean p x / (p x + q − 1).
  it.each([
    [2, 22.35, 24.663713910761157],
    [1, 11.77, 18.91685205784205],
    [10, 50, 49.37921520539547],
    [0, 0, 35.21897810218978],
  ])('x %d, mean %d → %d', (frequency, monetary, expected) => {
    expect(expectedAverageValue(PUBLISHED, { frequency, monetary })).toBeCloseTo(expected, 10);
  });

  it('falls back to the client mean when q ≤ 1 (no finite population mean)', () => {
    const heavy = { p: 2, q: 0.8, v: 10 };
    expect(expectedAverageValue(heavy, { frequency: 3, monetary: 40 })).toBe(40);
    expect(expectedAverageValue(heavy, { frequency: 0, monetary: 0 })).toBe(0);
  });
});

describe('fitGammaGamma on degenerate data stays finite', () => {
  it.each([
    ['no client', []],
    ['no repeat buyer', [{ frequency: 0, monetary: 0 }]],
    ['one repeat buyer', [{ frequency: 2, monetary: 30 }]],
    [
      'everyone spends the same',
      Array.from({ length: 20 }, (_, i) => ({ frequency: 1 + (i % 4), monetary: 25 })),
    ],
    [
      'huge frequencies',
      Array.from({ length: 10 }, (_, i) => ({ frequency: 1e5 + i, monetary: 10 + i })),
    ],
  ])('%s', (_, rows) => {
    const fit = fitGammaGamma(rows);
    for (const value of [fit.p, fit.q, fit.v, fit.logLikelihood]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    for (const row of rows) expect(Number.isFinite(expectedAverageValue(fit, row))).toBe(true);
  });
});

describe('expectedSpend', () => {
  const params = { p: 4, q: 4, v: 750 }; // population mean p v / (q − 1) = 1000

  it('counts a one-time buyer’s purchase as its first observation', () => {
    const once = (first: number) =>
      expectedSpend(params, { frequency: 0, monetary: 0, firstValue: first });
    // w = p / (p + q − 1) = 4 / 7 on the purchase, 3 / 7 on the population mean.
    expect(once(1)).toBeCloseTo((3 / 7) * 1000 + (4 / 7) * 1, 9);
    expect(once(2000)).toBeCloseTo((3 / 7) * 1000 + (4 / 7) * 2000, 9);
    // Without a known first purchase: the population mean, as Gamma-Gamma says.
    expect(expectedSpend(params, { frequency: 0, monetary: 0, firstValue: NaN })).toBeCloseTo(
      1000,
      9,
    );
    // A repeat buyer: Gamma-Gamma as published.
    expect(expectedSpend(params, { frequency: 3, monetary: 500, firstValue: 1 })).toBe(
      expectedAverageValue(params, { frequency: 3, monetary: 500 }),
    );
  });
});
