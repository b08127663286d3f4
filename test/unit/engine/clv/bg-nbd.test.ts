import { describe, expect, it } from 'vitest';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  expectedPurchasesNewClient,
  fitBgNbd,
  probabilityAlive,
  rfmColumns,
  rfmSummary,
  type BgNbdFit,
  type BgNbdParams,
} from '$engine/index';
import { bgNbdObjective, prepareBgNbdData } from '$engine/clv/bg-nbd-likelihood';
import { expectedPurchasesIfAliveAt } from '$engine/clv/expected-purchases-if-alive';
import { CDNOW_AS_OF, cdnowTransactions } from './cdnow';
import { simulateBase } from './simulate';

const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const cdnow = rfmSummary(cdnowTransactions(), { asOf: CDNOW_AS_OF, unit: 'week' });

function expectWithin(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

function expectFinite(fit: BgNbdFit): void {
  for (const value of [fit.r, fit.alpha, fit.a, fit.b, fit.logLikelihood]) {
    expect(Number.isFinite(value)).toBe(true);
  }
  expect(fit.r).toBeGreaterThan(0);
  expect(fit.alpha).toBeGreaterThan(0);
  expect(fit.a).toBeGreaterThan(0);
  expect(fit.b).toBeGreaterThan(0);
}

describe('fitBgNbd on the CDNOW sample', () => {
  const fit = fitBgNbd(cdnow);

  it('finds the published estimates within 0.5 %', () => {
    expect(fit.converged).toBe(true);
    expectWithin(fit.r, PUBLISHED.r, 0.005);
    expectWithin(fit.alpha, PUBLISHED.alpha, 0.005);
    expectWithin(fit.a, PUBLISHED.a, 0.005);
    expectWithin(fit.b, PUBLISHED.b, 0.005);
  });

  it('reports the published log-likelihood', () => {
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(
      bgNbdLogLikelihood(fit, {
        frequency: cdnow.map((row) => row.frequency),
        recency: cdnow.map((row) => row.recency),
        T: cdnow.map((row) => row.T),
      }),
    ).toBeCloseTo(fit.logLikelihood, 8);
  });

  it('expects 1.226 purchases in 39 weeks from client 1 (x = 2, t_x = 30.43, T = 38.86)', () => {
    const client1 = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(Math.abs(expectedPurchases(PUBLISHED, client1, 39) - 1.226)).toBeLessThanOrEqual(0.001);
    expect(Math.abs(expectedPurchases(fit, client1, 39) - 1.226)).toBeLessThanOrEqual(0.001);
  });

  it('does not depend on the order of the clients', () => {
    const reordered = fitBgNbd([...cdnow].reverse().sort((p, q) => p.T - q.T));
    expect(reordered).toEqual(fit);
  });

  it('penalises as lifetimes does: a larger penalizer shrinks Σ θ²', () => {
    const squares = (p: BgNbdParams, scale: number) =>
      p.r ** 2 + (p.alpha * scale) ** 2 + p.a ** 2 + p.b ** 2;
    const scale = 10 / Math.max(...cdnow.map((row) => row.T));
    const penalised = fitBgNbd(cdnow, { penalizer: 0.01 });
    expectFinite(penalised);
    expect(squares(penalised, scale)).toBeLessThan(squares(fit, scale));
    expect(penalised.logLikelihood).toBeLessThan(fit.logLikelihood);
  });
});

describe('BG/NBD predictions', () => {
  // r, α, a, b, x, t_x, T, t, E[Y(t)], P(alive): mpmath at 40 digits, straight from the
  // textbook formula with ₂F₁, including a = 1 ± 1e-9 (around the removable
  // singularity), a + b < 1 with x = 0, a client with 500 repeat purchases, and z near 1.
  const CASES: [number, number, number, number, number, number, number, number, number, number][] =
    [
      [0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39, 1.2260281747671444, 0.726578570080673],
      [0.243, 4.414, 0.793, 2.426, 0, 0, 38.86, 39, 0.19509805201126265, 1],
      [0.243, 4.414, 0.793, 2.426, 0, 0, 0, 52, 1.4460505953964038, 1],
      [0.243, 4.414, 0.793, 2.426, 50, 38, 38.86, 39, 33.39119799906929, 0.9594382814767687],
      [
        0.243, 4.414, 0.793, 2.426, 500, 20, 38.86, 39, 9.618229841505484e-120,
        2.7956094589945145e-122,
      ],
      [0.243, 4.414, 0.793, 2.426, 3, 5, 38.86, 13, 0.03448838327153966, 0.038151389689822894],
      [1.5, 2, 0.3, 0.4, 0, 0, 10, 20, 1.563525813014261, 1],
      [1.5, 2, 1.000000001, 3, 2, 5, 10, 20, 1.4379830918823082, 0.3774952219322195],
      [1.5, 2, 0.999999999, 3, 2, 5, 10, 20, 1.4379830946561643, 0.3774952224022047],
      [0.5, 0.01, 2.5, 1.5, 0, 0, 0, 52, 1.9529721528810566, 1],
    ];

  it.each(CASES)(
    'r %d α %d a %d b %d, x %d t_x %d T %d, t %d',
    (r, alpha, a, b, frequency, recency, T, t, expected, alive) => {
      const params = { r, alpha, a, b };
      const row = { frequency, recency, T };
      expectWithin(expectedPurchases(params, row, t), expected, 1e-11);
      expectWithin(probabilityAlive(params, row), alive, 1e-13);
    },
  );

  it('is continuous at a = 1 (limit 1.437983093269…)', () => {
    const row = { frequency: 2, recency: 5, T: 10 };
    const value = expectedPurchases({ r: 1.5, alpha: 2, a: 1, b: 3 }, row, 20);
    expectWithin(value, 1.4379830932692361, 1e-12);
  });

  it('gives a new client the unconditional expectation', () => {
    expect(expectedPurchasesNewClient(PUBLISHED, 52)).toBeCloseTo(1.4460505953964038, 12);
    expect(expectedPurchasesNewClient(PUBLISHED, 0)).toBe(0);
  });

  it('grows with the horizon and is 0 for no horizon', () => {
    const row = { frequency: 4, recency: 20, T: 30 };
    let previous = 0;
    for (const t of [0, 1, 5, 13, 26, 52, 104, 520]) {
      const value = expectedPurchases(PUBLISHED, row, t);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
    expect(expectedPurchases(PUBLISHED, row, 0)).toBe(0);
  });
});

describe('expectedPurchasesIfAliveAt', () => {
  // r, α, a, b, x, T, t, E[Y(t) | alive]: mpmath (textbook ₂F₁ formula, or for a = 18965.8,
  // where its series gives up, the integral over p), 30 digits. Large a and z near 1 take
  // the quadrature; the rest the series.
  const CASES: [number, number, number, number, number, number, number, number][] = [
    [1.5, 2, 3, 3, 2, 10, 20, 2.3685016442529996],
    [1.2, 3, 1.5, 0.01, 0, 0, 40, 0.9720523518725553],
    [0.243, 4.414, 200, 1000, 5, 1, 40, 5.956134331419414],
    [0.243, 4.414, 2000, 50000, 30, 10, 52, 25.512313698733262],
    [173.68, 0.0773, 18965.8, 3.257e9, 1e5, 52, 52, 75815.1904951394],
    [2, 1, 60, 0.5, 0, 3, 52, 1.0032460769342824],
    [0.5, 0.001, 2.5, 1.5, 0, 0, 52, 1.9851128837883252],
    [0.5, 0.001, 0.8, 1.5, 0, 0, 52, 35.812672386234034],
    [0.5, 0.001, 0.01, 1.5, 0, 0, 52, 23562.29886463932],
    [0.5, 0.01, 0.3, 0.2, 0, 0, 52, 114.71311661726409],
    [2, 0.05, 0.05, 2, 3, 0.5, 30, 231.84452782267894],
  ];

  it.each(CASES)('r %d α %d a %d b %d, x %d T %d, t %d', (r, alpha, a, b, x, T, t, expected) => {
    const out = new Float64Array(1);
    expectedPurchasesIfAliveAt({ r, alpha, a, b }, { frequency: x, T }, [t], out);
    expectWithin(out[0]!, expected, 1e-12);
  });

  it('gives at many horizons what it gives at each', () => {
    const params = { r: 0.7, alpha: 12, a: 1.3, b: 2.2 };
    const row = { frequency: 3, T: 40 };
    const horizons = [-1, 0, 4.3, 13, 26, 52, 104];
    const together = new Float64Array(horizons.length);
    expectedPurchasesIfAliveAt(params, row, horizons, together);
    horizons.forEach((t, j) => {
      const alone = new Float64Array(1);
      expectedPurchasesIfAliveAt(params, row, [t], alone);
      expect(together[j]).toBeCloseTo(alone[0]!, 14);
    });
    expect(together[0]).toBe(0);
    expect(together[1]).toBe(0);
  });
});

describe('BG/NBD objective', () => {
  it('has the gradient of its value (central differences)', () => {
    const data = prepareBgNbdData({
      frequency: [0, 0, 1, 3, 7, 2],
      recency: [0, 0, 2, 5, 9, 9],
      T: [3, 10, 10, 10, 10, 9],
    });
    const objective = bgNbdObjective(data, 0.05, { mean: Float64Array.of(0, 1, -1, 0.5), sd: 1 });
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

describe('fitBgNbd on degenerate data stays finite', () => {
  const cases: [string, { frequency: number; recency: number; T: number }[]][] = [
    ['no client', []],
    ['one client', [{ frequency: 3, recency: 20, T: 30 }]],
    [
      'no repeat purchase anywhere',
      Array.from({ length: 50 }, (_, i) => ({ frequency: 0, recency: 0, T: i })),
    ],
    [
      'every client bought today only',
      Array.from({ length: 5 }, () => ({ frequency: 0, recency: 0, T: 0 })),
    ],
    [
      'T = recency for everyone',
      Array.from({ length: 40 }, (_, i) => ({
        frequency: 1 + (i % 5),
        recency: 10 + i,
        T: 10 + i,
      })),
    ],
    [
      'huge frequencies',
      Array.from({ length: 30 }, (_, i) => ({
        frequency: 1e5 + i * 1000,
        recency: 50 + (i % 3),
        T: 52,
      })),
    ],
  ];

  it.each(cases)('%s', (_, rows) => {
    const fit = fitBgNbd(rows);
    expectFinite(fit);
    for (const row of rows) {
      const alive = probabilityAlive(fit, row);
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
      expect(Number.isFinite(expectedPurchases(fit, row, 52))).toBe(true);
    }
  });

  it('refuses impossible histories', () => {
    expect(() => fitBgNbd([{ frequency: 1, recency: 5, T: 4 }])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: -1, recency: 0, T: 4 }])).toThrow(RangeError);
    expect(() => fitBgNbd([{ frequency: 1, recency: 0, T: Infinity }])).toThrow(RangeError);
  });
});

describe('fitBgNbd on a base drawn from the model', () => {
  it('recovers the parameters it was drawn with', () => {
    const truth = { r: 0.8, alpha: 40, a: 0.9, b: 3 };
    const asOfDay = 20_000;
    const base = simulateBase(20_000, 11, {
      bgnbd: truth,
      spend: { p: 5, q: 4, v: 300 },
      asOfDay,
      years: 3,
    });
    const transactions = Array.from(base.day, (day, k) => ({
      clientId: '',
      date: day,
      amount: base.amount[k]!,
    }));
    for (let c = 0; c + 1 < base.offsets.length; c += 1) {
      for (let k = base.offsets[c]!; k < base.offsets[c + 1]!; k += 1) {
        transactions[k]!.clientId = String(c).padStart(6, '0');
      }
    }
    const fit = fitBgNbd(rfmSummary(transactions, { asOf: asOfDay, unit: 'day' }));
    expect(fit.converged).toBe(true);
    expectWithin(fit.r, truth.r, 0.1);
    expectWithin(fit.alpha, truth.alpha, 0.1);
    expectWithin(fit.a, truth.a, 0.15);
    expectWithin(fit.b, truth.b, 0.15);
    // The same through the columnar path.
    const columns = rfmColumns(base, { asOfDay, unit: 'day' });
    expect(columns.frequency.filter((x) => !Number.isNaN(x))).toHaveLength(20_000);
  });
});
