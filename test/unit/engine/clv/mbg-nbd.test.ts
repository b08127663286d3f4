import { describe, expect, it } from 'vitest';
import { fitMbgNbd, probabilityAliveMbg, rfmSummary, type BgNbdParams } from '$engine/index';
import { bgNbdObjective, prepareBgNbdData } from '$engine/clv/bg-nbd-likelihood';
import { mbgLogLikelihoodAt } from '$engine/clv/mbg-nbd-likelihood';
import { expectedPurchasesIfAliveMbgAt } from '$engine/clv/mbg-nbd-predict';
import { hyp2f1 } from '$engine/clv/hypergeometric';
import { cdnowCsv, CDNOW_AS_OF, cdnowTransactions } from './cdnow';

/** `lifetimes`' ModifiedBetaGeoFitter on the CDNOW summary (test/fixtures/cdnow/README.md). */
const REFERENCE: BgNbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };

function expectWithin(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('fitMbgNbd on the CDNOW sample', () => {
  const rows = cdnowCsv('cdnow_customers_summary.csv').map((row) => ({
    frequency: row['frequency']!,
    recency: row['recency']!,
    T: row['T']!,
  }));
  const fit = fitMbgNbd(rows);

  it('reproduces the reference estimates within 0.5 %', () => {
    expect(fit.converged).toBe(true);
    expectWithin(fit.r, REFERENCE.r, 0.005);
    expectWithin(fit.alpha, REFERENCE.alpha, 0.005);
    expectWithin(fit.a, REFERENCE.a, 0.005);
    expectWithin(fit.b, REFERENCE.b, 0.005);
  });

  it('fits the summary the engine makes from the raw purchases alike', () => {
    const own = fitMbgNbd(rfmSummary(cdnowTransactions(), { asOf: CDNOW_AS_OF, unit: 'week' }));
    expectWithin(own.r, REFERENCE.r, 0.01);
    expectWithin(own.b, REFERENCE.b, 0.01);
  });
});

describe('MBG/NBD predictions', () => {
  it('gives a one-time buyer a chance of being active that falls with time since the purchase', () => {
    const chances = [1, 10, 52, 104, 260].map((weeks) =>
      probabilityAliveMbg(REFERENCE, { frequency: 0, recency: 0, T: weeks }),
    );
    for (let i = 1; i < chances.length; i += 1) expect(chances[i]).toBeLessThan(chances[i - 1]!);
    expect(chances[0]).toBeLessThan(1);
    expect(chances.at(-1)).toBeLessThan(0.5);
  });

  it('matches its closed form, by direct summation of the hypergeometric series', () => {
    const row = { frequency: 2, recency: 30.43, T: 38.86 };
    const { r, alpha, a, b } = REFERENCE;
    const t = 39;
    const x = row.frequency;
    const z = t / (alpha + row.T + t);
    const closed =
      ((a + b + x) / (a - 1)) *
      (1 -
        hyp2f1(r + x, b + x + 1, a + b + x, z) *
          ((alpha + row.T) / (alpha + row.T + t)) ** (r + x));
    const out = new Float64Array(1);
    expectedPurchasesIfAliveMbgAt(REFERENCE, row, [t], out);
    expect(out[0]).toBeCloseTo(closed, 9);
  });

  it('has the gradient of its likelihood (central differences)', () => {
    const data = prepareBgNbdData({
      frequency: [0, 0, 1, 3, 7, 2],
      recency: [0, 0, 2, 5, 9, 9],
      T: [3, 10, 10, 10, 10, 9],
    });
    const objective = bgNbdObjective(data, 0.05, undefined, mbgLogLikelihoodAt);
    const phi = Float64Array.of(-0.7, 0.4, -0.2, 0.9);
    const gradient = new Float64Array(4);
    objective(phi, gradient);
    for (let j = 0; j < 4; j += 1) {
      const h = 1e-6;
      const up = Float64Array.from(phi);
      const down = Float64Array.from(phi);
      up[j] = up[j]! + h;
      down[j] = down[j]! - h;
      const scratch = new Float64Array(4);
      const numeric = (objective(up, scratch) - objective(down, scratch)) / (2 * h);
      expect(gradient[j]).toBeCloseTo(numeric, 7);
    }
  });
});
