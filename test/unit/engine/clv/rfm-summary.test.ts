import { describe, expect, it } from 'vitest';
import { fitClvModels, rfmColumns, rfmSummary, scoreClv, type PurchaseRecord } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { CDNOW_AS_OF, cdnowCsv, cdnowTransactions } from './cdnow';

describe('rfmSummary on the CDNOW sample', () => {
  const rows = rfmSummary(cdnowTransactions(), { asOf: CDNOW_AS_OF, unit: 'week' });

  it('reproduces frequency, recency and T of cdnow_customers_summary.csv', () => {
    const expected = cdnowCsv('cdnow_customers_summary.csv');
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const reference = expected[i]!;
      expect(Number(row.clientId)).toBe(reference.ID);
      expect(row.frequency).toBe(reference.frequency);
      // The file rounds to 2 decimals.
      expect(Math.abs(row.recency - reference.recency!)).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(row.T - reference.T!)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  it('reproduces the mean repeat purchase value (zbar)', () => {
    const expected = cdnowCsv('cdnow_customers_summary_with_transactions.csv');
    rows.forEach((row, i) => {
      expect(Math.abs(row.monetary - expected[i]!.zbar!)).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });
});

describe('rfmSummary, by hand', () => {
  const transactions: PurchaseRecord[] = [
    // b: two purchases on the first day are one purchase day worth 30
    { clientId: 'b', date: '2026-01-01', amount: 10 },
    { clientId: 'b', date: '2026-01-01', amount: 20 },
    // a refund is not a purchase
    { clientId: 'b', date: '2026-01-05', amount: -15 },
    { clientId: 'b', date: '2026-01-15', amount: 40 },
    { clientId: 'b', date: '2026-01-15', amount: 2 },
    { clientId: 'b', date: '2026-01-29', amount: 60 },
    // after the as-of day: ignored
    { clientId: 'b', date: '2026-03-01', amount: 999 },
    // a: one purchase day, given as an epoch day
    { clientId: 'a', date: toEpochDay('2026-02-01'), amount: 5 },
    // c: only a purchase after the as-of day, so not in the summary
    { clientId: 'c', date: '2026-03-02', amount: 5 },
  ];
  const options = { asOf: '2026-02-12', unit: 'day' } as const;

  it('counts purchase days, ages and the mean repeat value', () => {
    expect(rfmSummary(transactions, options)).toEqual([
      { clientId: 'a', frequency: 0, recency: 0, T: 11, monetary: 0 },
      // days 0, 14, 28 of its history; repeat days worth 42 and 60
      { clientId: 'b', frequency: 2, recency: 28, T: 42, monetary: 51 },
    ]);
  });

  it('expresses ages in weeks as days / 7', () => {
    const [, b] = rfmSummary(transactions, { ...options, unit: 'week' });
    expect(b).toMatchObject({ frequency: 2, recency: 4, T: 6 });
  });

  it('takes the as-of day as an epoch day too, and includes purchases on it', () => {
    const onAsOf = [...transactions, { clientId: 'a', date: '2026-02-12', amount: 7 }];
    const [a] = rfmSummary(onAsOf, { asOf: toEpochDay('2026-02-12'), unit: 'day' });
    expect(a).toEqual({ clientId: 'a', frequency: 1, recency: 11, T: 11, monetary: 7 });
  });

  it('counts zero amounts as purchases unless told not to', () => {
    const free = [{ clientId: 'z', date: '2026-01-01', amount: 0 }];
    expect(rfmSummary(free, options)).toHaveLength(1);
    expect(rfmSummary(free, { ...options, purchases: 'positive' })).toHaveLength(0);
  });

  it('gives the same result whatever the order of the transactions', () => {
    const reference = rfmSummary(transactions, options);
    const reversed = rfmSummary([...transactions].reverse(), options);
    const shuffled = rfmSummary(
      transactions
        .map((t, i) => ({ t, key: (i * 7919) % 13 }))
        .sort((p, q) => p.key - q.key)
        .map((p) => p.t),
      options,
    );
    expect(reversed).toEqual(reference);
    expect(shuffled).toEqual(reference);
  });

  it('refuses dates that are neither ISO dates nor whole epoch days', () => {
    expect(() => rfmSummary([{ clientId: 'a', date: '2026-02-30', amount: 1 }], options)).toThrow(
      RangeError,
    );
    expect(() => rfmSummary([{ clientId: 'a', date: 1.5, amount: 1 }], options)).toThrow(
      RangeError,
    );
    expect(() => rfmSummary([{ clientId: 'a', date: 1, amount: NaN }], options)).toThrow(
      RangeError,
    );
    expect(() => rfmSummary(transactions, { ...options, asOf: '12/02/2026' })).toThrow(RangeError);
  });

  it('returns nothing for no transactions', () => {
    expect(rfmSummary([], options)).toEqual([]);
  });
});

describe('rfmColumns', () => {
  it('summarises grouped columns, with NaN for clients without a purchase', () => {
    const columns = rfmColumns(
      {
        offsets: Int32Array.of(0, 3, 3, 4),
        // client 0 out of day order; client 1 has no rows; client 2 only a refund
        day: Int32Array.of(20, 10, 10, 5),
        amount: Float64Array.of(7, 1, 2, -4),
      },
      { asOfDay: 30, unit: 'day' },
    );
    expect(Array.from(columns.frequency)).toEqual([1, NaN, NaN]);
    expect(Array.from(columns.recency)).toEqual([10, NaN, NaN]);
    expect(Array.from(columns.T)).toEqual([20, NaN, NaN]);
    expect(Array.from(columns.monetary)).toEqual([7, NaN, NaN]);
    expect(Array.from(columns.firstValue)).toEqual([3, NaN, NaN]);
  });

  it('nets each day: a same-day cancellation is no purchase, later refunds lower the value kept', () => {
    const columns = rfmColumns(
      {
        offsets: Int32Array.of(0, 3, 6, 8),
        // client 0: 168,470 bought and cancelled on day 10, 2.90 on day 12
        // client 1: 100 on day 1, 300 on day 5, 200 of it refunded on day 9
        // client 2: 50 bought on day 3, all of it refunded on day 8
        day: Int32Array.of(10, 10, 12, 1, 5, 9, 3, 8),
        amount: Float64Array.of(168_470, -168_470, 2.9, 100, 300, -200, 50, -50),
      },
      { asOfDay: 30, unit: 'day', purchases: 'positive' },
    );
    expect(Array.from(columns.frequency)).toEqual([0, 1, 0]);
    expect(Array.from(columns.firstValue)).toEqual([2.9, 100, 50]);
    expect(Array.from(columns.monetary)).toEqual([0, 300, 0]);
    expect(Array.from(columns.kept)).toEqual([1, 0.5, 0]);
  });

  it('gives a client whose purchases were all refunded no value', () => {
    const base = {
      offsets: Int32Array.of(0, 2, 3, 5),
      day: Int32Array.of(3, 8, 4, 5, 20),
      amount: Float64Array.of(50, -50, 80, 60, 90),
    };
    const columns = rfmColumns(base, { asOfDay: 30, unit: 'day', purchases: 'positive' });
    const models = fitClvModels(columns, { unit: 'day' });
    const scores = scoreClv(models, columns);
    expect(scores.clv12m[0]).toBe(0);
    expect(scores.expectedValue[0]).toBe(0);
    expect(scores.clv12m[1]).toBeGreaterThan(0);
  });
});
