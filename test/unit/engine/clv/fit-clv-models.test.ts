import { describe, expect, it } from 'vitest';
import {
  customerLifetimeValue,
  expectedAverageValue,
  expectedPurchases,
  fitBgNbd,
  fitClvModels,
  probabilityActive,
  expectedPurchasesOf,
  rfmColumns,
  rfmSummary,
  scoreClv,
  type GroupedTransactions,
  type PurchaseRecord,
} from '$engine/index';
import { addDays, toEpochDay } from '$lib/dates';
import { CDNOW_AS_OF, cdnowTransactions } from './cdnow';
import { simulateBase } from './simulate';

const AS_OF = '2026-06-30';

/** A freelancer's eight clients over two years. */
function freelancer(): PurchaseRecord[] {
  const invoices: PurchaseRecord[] = [];
  const every = (
    clientId: string,
    count: number,
    gapDays: number,
    firstDaysAgo: number,
    amount: number,
  ) => {
    for (let i = 0; i < count; i += 1) {
      invoices.push({ clientId, date: addDays(AS_OF, -firstDaysAgo + i * gapDays), amount });
    }
  };
  every('a-retainer', 24, 30, 720, 2000); // monthly for two years
  every('b-quarterly', 8, 91, 700, 5000);
  every('c-one-project', 1, 0, 365, 12000);
  every('d-two-invoices', 2, 60, 240, 3000);
  every('e-churned', 12, 7, 500, 300); // weekly for three months, then a year of silence
  every('f-new', 1, 0, 10, 1500);
  every('g-lapsed', 3, 90, 700, 4000);
  every('h-today', 1, 0, 0, 800);
  return invoices;
}

function columnsOf(transactions: PurchaseRecord[], unit: 'day' | 'week') {
  const rows = rfmSummary(transactions, { asOf: AS_OF, unit });
  return {
    ids: rows.map((row) => row.clientId),
    columns: {
      frequency: Float64Array.from(rows, (row) => row.frequency),
      recency: Float64Array.from(rows, (row) => row.recency),
      T: Float64Array.from(rows, (row) => row.T),
      monetary: Float64Array.from(rows, (row) => row.monetary),
      firstValue: new Float64Array(rows.length).fill(NaN),
      kept: new Float64Array(rows.length).fill(1),
    },
  };
}

describe('fitClvModels on a small base', () => {
  const { ids, columns } = columnsOf(freelancer(), 'week');
  const models = fitClvModels(columns, { unit: 'week' });
  const scores = scoreClv(models, columns);

  it('says the numbers are to be trusted little', () => {
    expect(models.trust).toEqual({ level: 'low', reason: 'few-clients' });
    expect(models.clients).toBe(8);
    expect(models.repeatBuyers).toBe(5);
  });

  it('gives sane numbers for every client', () => {
    const largestYear = 24_000; // the retainer's yearly spend
    ids.forEach((id, i) => {
      expect(scores.pActive[i], id).toBeGreaterThanOrEqual(0);
      expect(scores.pActive[i], id).toBeLessThanOrEqual(1);
      expect(scores.expectedPurchases90d[i], id).toBeGreaterThanOrEqual(0);
      expect(scores.expectedPurchases90d[i], id).toBeLessThan(6);
      expect(scores.clv12m[i], id).toBeGreaterThanOrEqual(0);
      expect(scores.clv12m[i], id).toBeLessThan(2 * largestYear);
      expect(scores.expectedValue[i], id).toBeGreaterThan(0);
    });
  });

  it('ranks the regular clients above the lapsed ones', () => {
    const at = (id: string) => ids.indexOf(id);
    expect(scores.pActive[at('a-retainer')]).toBeGreaterThan(0.9);
    expect(scores.pActive[at('e-churned')]).toBeLessThan(0.2);
    expect(scores.pActive[at('g-lapsed')]).toBeLessThan(scores.pActive[at('b-quarterly')]!);
    expect(scores.clv12m[at('a-retainer')]).toBeGreaterThan(scores.clv12m[at('e-churned')]!);
    expect(scores.clv12m[at('a-retainer')]).toBeGreaterThan(scores.clv12m[at('g-lapsed')]!);
  });
});

describe('fitClvModels trust levels', () => {
  it('has no buyers to go on in an empty base', () => {
    const { columns } = columnsOf([], 'week');
    const models = fitClvModels(columns, { unit: 'week' });
    expect(models.trust).toEqual({ level: 'low', reason: 'no-buyers' });
    const { r, alpha, a, b } = models.purchases;
    for (const value of [r, alpha, a, b]) {
      expect(Number.isFinite(value)).toBe(true);
    }
    expect(scoreClv(models, columns).clv12m).toHaveLength(0);
  });

  it('wants repeat buyers', () => {
    const oneTime = Array.from({ length: 40 }, (_, i) => ({
      clientId: `c${i}`,
      date: addDays(AS_OF, -i * 9),
      amount: 100 + i,
    }));
    const { columns } = columnsOf(oneTime, 'week');
    const models = fitClvModels(columns, { unit: 'week' });
    expect(models.trust).toEqual({ level: 'low', reason: 'few-repeat-buyers' });
    const scores = scoreClv(models, columns);
    for (const value of scores.clv12m) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
  });

  it('uses the first purchases for the spend prior when nobody bought twice', () => {
    const base = { offsets: [0, 1, 2], day: [100, 150], amount: [200, 400] };
    const columns = rfmColumns(base, { asOfDay: 200, unit: 'day' });
    const models = fitClvModels(columns, { unit: 'day' });
    // Mean first purchase 300 = p v / (q − 1) of the prior.
    expect(expectedAverageValue(models.gammaGamma, { frequency: 0, monetary: 0 })).toBeCloseTo(
      300,
      9,
    );
  });

  it('falls back to the spend prior when spend is too skewed for a finite mean', () => {
    // Mean repeat purchases from 1 to 1,000,000: the fitted q is below 1.
    const rows = Array.from({ length: 60 }, (_, i) => {
      const repeat = i % 3 !== 0;
      return {
        frequency: repeat ? 1 + (i % 2) : 0,
        recency: repeat ? 20 : 0,
        T: 30,
        monetary: repeat ? 10 ** ((i % 13) / 2) : 0,
      };
    });
    const models = fitClvModels(rows, { unit: 'week' });
    expect(models.trust).toEqual({ level: 'low', reason: 'heavy-tailed-spend' });
    expect(models.gammaGamma).toMatchObject({ p: 4, q: 4 });
    for (const row of rows) {
      const value = expectedAverageValue(models.gammaGamma, row);
      expect(Number.isFinite(value) && value > 0).toBe(true);
    }
  });

  it('trusts a moderate base moderately and the whole CDNOW sample highly', () => {
    const transactions = cdnowTransactions();
    const all = rfmSummary(transactions, { asOf: CDNOW_AS_OF, unit: 'week' });
    const cdnow = fitClvModels(all, { unit: 'week', purchaseModel: 'bgnbd' });
    expect(cdnow.trust).toEqual({ level: 'high', reason: 'enough-data' });
    // With 2,357 clients the priors move the estimates by a fraction of their standard
    // errors (b, the least determined, by about 3 %) and the predictions by less.
    const mle = fitBgNbd(all);
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(cdnow.purchases[key] / mle[key] - 1)).toBeLessThan(0.05);
    }
    const client1 = { frequency: 2, recency: 30.43, T: 38.86 };
    expect(expectedPurchases(cdnow.purchases, client1, 39)).toBeCloseTo(1.226, 2);

    const some = fitClvModels(all.slice(0, 200), { unit: 'week' });
    expect(some.trust).toEqual({ level: 'medium', reason: 'moderate-data' });
  });
});

describe('customerLifetimeValue', () => {
  const bgnbd = { kind: 'bgnbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } as const;
  const gammaGamma = { p: 6.25, q: 3.74, v: 15.44 };
  const row = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };

  it('is value × expected purchases when nothing is discounted', () => {
    const value = customerLifetimeValue(bgnbd, gammaGamma, row, {
      unit: 'week',
      months: 12,
      annualDiscountRate: 0,
    });
    const year = 365.25 / 7;
    const expected = expectedAverageValue(gammaGamma, row) * expectedPurchases(bgnbd, row, year);
    expect(value).toBeCloseTo(expected, 10);
  });

  it('discounts each month from its end at (1 + d)^(1/12) − 1 a month', () => {
    const options = { unit: 'week', months: 2, annualDiscountRate: 0.2 } as const;
    const month = 365.25 / 12 / 7;
    const first = expectedPurchases(bgnbd, row, month);
    const second = expectedPurchases(bgnbd, row, 2 * month) - first;
    const expected =
      expectedAverageValue(gammaGamma, row) * (first / 1.2 ** (1 / 12) + second / 1.2 ** (2 / 12));
    expect(customerLifetimeValue(bgnbd, gammaGamma, row, options)).toBeCloseTo(expected, 10);
  });

  it('is the same in days and in weeks', () => {
    const inDays = { ...row, recency: row.recency * 7, T: row.T * 7 };
    const daily = { ...bgnbd, alpha: bgnbd.alpha * 7 };
    expect(customerLifetimeValue(daily, gammaGamma, inDays, { unit: 'day' })).toBeCloseTo(
      customerLifetimeValue(bgnbd, gammaGamma, row, { unit: 'week' }),
      9,
    );
  });

  it('refuses a horizon that is not whole months and a rate of −100 % or less', () => {
    expect(() =>
      customerLifetimeValue(bgnbd, gammaGamma, row, { unit: 'week', months: 0 }),
    ).toThrow(RangeError);
    expect(() =>
      customerLifetimeValue(bgnbd, gammaGamma, row, { unit: 'week', months: 1.5 }),
    ).toThrow(RangeError);
    expect(() =>
      customerLifetimeValue(bgnbd, gammaGamma, row, { unit: 'week', annualDiscountRate: -1 }),
    ).toThrow(RangeError);
  });
});

describe('scoreClv', () => {
  const asOfDay = toEpochDay(AS_OF);
  const base: GroupedTransactions = simulateBase(3000, 5, {
    bgnbd: { r: 0.8, alpha: 40, a: 0.9, b: 3 },
    spend: { p: 5, q: 4, v: 300 },
    asOfDay,
    years: 2,
  });

  it('agrees with the one-client functions, and is NaN for clients who never bought', () => {
    // A client with only a refund, in the middle.
    const offsets = [...Array.from(base.offsets).slice(0, 11), base.offsets[10]! + 1];
    const day = [...Array.from(base.day).slice(0, base.offsets[10]!), asOfDay - 5];
    const amount = [...Array.from(base.amount).slice(0, base.offsets[10]!), -50];
    const columns = rfmColumns({ offsets, day, amount }, { asOfDay, unit: 'week' });
    const models = fitClvModels(rfmColumns(base, { asOfDay, unit: 'week' }), { unit: 'week' });
    const scores = scoreClv(models, columns, { annualDiscountRate: 0.05 });
    expect(scores.pActive[10]).toBeNaN();
    expect(scores.clv12m[10]).toBeNaN();
    for (let i = 0; i < 10; i += 1) {
      const row = {
        frequency: columns.frequency[i]!,
        recency: columns.recency[i]!,
        T: columns.T[i]!,
        monetary: columns.monetary[i]!,
      };
      expect(scores.pActive[i]).toBe(probabilityActive(models.purchases, row));
      expect(scores.expectedPurchases90d[i]).toBeCloseTo(
        expectedPurchasesOf(models.purchases, row, 90 / 7),
        12,
      );
      expect(scores.clv12m[i]).toBeCloseTo(
        customerLifetimeValue(
          models.purchases,
          models.gammaGamma,
          { ...row, firstValue: columns.firstValue[i]! },
          {
            unit: 'week',
            annualDiscountRate: 0.05,
          },
        ),
        9,
      );
    }
  });

  it('gives the same numbers whatever the unit and the order of the clients', () => {
    const weekly = rfmColumns(base, { asOfDay, unit: 'week' });
    const daily = rfmColumns(base, { asOfDay, unit: 'day' });
    const byWeek = scoreClv(fitClvModels(weekly, { unit: 'week' }), weekly);
    const byDay = scoreClv(fitClvModels(daily, { unit: 'day' }), daily);
    for (let i = 0; i < weekly.frequency.length; i += 1) {
      expect(byDay.clv12m[i]).toBeCloseTo(byWeek.clv12m[i]!, 6);
      expect(byDay.pActive[i]).toBeCloseTo(byWeek.pActive[i]!, 9);
    }

    const n = weekly.frequency.length;
    const order = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const permute = (column: Float64Array) => Float64Array.from(order, (i) => column[i]!);
    const shuffled = {
      frequency: permute(weekly.frequency),
      recency: permute(weekly.recency),
      T: permute(weekly.T),
      monetary: permute(weekly.monetary),
      firstValue: permute(weekly.firstValue),
      kept: permute(weekly.kept),
    };
    const reordered = scoreClv(fitClvModels(shuffled, { unit: 'week' }), shuffled);
    order.forEach((i, k) => {
      expect(reordered.clv12m[k]).toBe(byWeek.clv12m[i]);
      expect(reordered.pActive[k]).toBe(byWeek.pActive[i]);
    });
  });
});
