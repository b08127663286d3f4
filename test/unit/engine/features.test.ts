import { describe, expect, it } from 'vitest';
import { buildSnapshot, computeFeatures, NO_DAY } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { AS_OF, model, records } from './fixtures';

const asOfDay = toEpochDay(AS_OF);
const features = (data: Parameters<typeof records>[0]) =>
  computeFeatures(buildSnapshot(records(data)), { asOfDay, definition: model() });

describe('computeFeatures, hand-computed', () => {
  // One client, window 365 days (2025-06-30, 2026-06-30]; hourly rate 40.
  const { metrics, facts } = features({
    clients: [{ id: 'a', needType: 'quality', needStrength: 4, budget: 2 }, { id: 'z' }],
    transactions: [
      // another client's old invoice: the base's history covers both windows
      { clientId: 'z', date: '2023-01-01', amount: 10 },
      // previous window
      {
        clientId: 'a',
        date: '2024-09-01',
        amount: 500,
        cost: 100,
        dueDate: '2024-10-01',
        paidDate: '2024-09-20',
      },
      // in the window: two invoices on one day count as one purchase day
      {
        clientId: 'a',
        date: '2026-01-10',
        amount: 1000,
        hours: 10,
        dueDate: '2026-01-24',
        paidDate: '2026-02-03',
      },
      {
        clientId: 'a',
        date: '2026-01-10',
        amount: 200,
        cost: 50,
        dueDate: '2026-01-24',
        paidDate: '2026-01-20',
      },
      { clientId: 'a', date: '2026-05-31', amount: 800, dueDate: '2026-06-14' },
      // a refund: lowers revenue, is not a purchase
      { clientId: 'a', date: '2026-06-01', amount: -300 },
      // after the as-of day: ignored
      { clientId: 'a', date: '2026-07-15', amount: 9999 },
    ],
    feedback: [
      { clientId: 'a', date: '2024-01-01', scale: 'csat', score: 1 }, // older than the last three
      { clientId: 'a', date: '2025-01-01', scale: 'csat', score: 5 }, // 100
      { clientId: 'a', date: '2025-06-01', scale: 'nps', score: 7 }, // 70
      { clientId: 'a', date: '2026-01-01', scale: 'csat', score: 3 }, // 50
    ],
    complaints: [
      { clientId: 'a', openedAt: '2025-03-01', resolvedAt: '2025-03-05', severity: 'low' },
      { clientId: 'a', openedAt: '2026-06-01', severity: 'high' },
      { clientId: 'a', openedAt: '2026-06-10', resolvedAt: '2026-07-02', severity: 'medium' }, // resolved after as-of
    ],
    interactions: [
      { clientId: 'a', date: '2026-06-20' },
      { clientId: 'a', date: '2026-08-01' },
    ],
  });
  const at = (column: Float64Array) => column[0];

  it('revenue, frequency and recency', () => {
    expect(at(metrics.monetaryTotal)).toBe(1700); // 1000 + 200 + 800 − 300
    expect(at(metrics.frequency)).toBe(2); // 2026-01-10 and 2026-05-31
    expect(at(metrics.recencyDays)).toBe(30); // 2026-05-31 → 2026-06-30
    // The mean purchase day: (500 + (1000 + 200) + 800) / 3.
    expect(at(metrics.averageOrderValue)).toBe(833.33);
    expect(facts.lifetimeRevenue[0]).toBe(2200);
    expect(facts.purchaseDays[0]).toBe(3);
  });

  it('profit and margin from costs and hours', () => {
    // cost 50 + 10 h × 40 = 450
    expect(at(metrics.profit)).toBe(1250);
    expect(at(metrics.margin)).toBeCloseTo(1250 / 1700, 12);
  });

  it('tenure, repurchase rate and spend trend', () => {
    const tenure = toEpochDay(AS_OF) - toEpochDay('2024-09-01');
    expect(at(metrics.tenureDays)).toBe(tenure);
    expect(at(metrics.repurchaseRate)).toBeCloseTo((2 / tenure) * 365, 12);
    // Three purchase days in the two windows: shrunk by 3 / (3 + 3).
    expect(at(metrics.spendTrend)).toBeCloseTo(((1700 - 500) / 1700) * 0.5, 12);
  });

  it('payment punctuality over paid or overdue invoices', () => {
    // on time: 2024 (paid before due), 200 (before due); late: 1000 by 10 days;
    // 800 due 06-14 unpaid at 06-30: 16 days late.
    expect(at(metrics.onTimeShare)).toBe(0.5);
    expect(at(metrics.meanDaysLate)).toBe((10 + 16) / 4);
  });

  it('satisfaction on one scale, complaints, contact and ratings', () => {
    expect(at(metrics.satisfaction)).toBeCloseTo((100 + 70 + 50) / 3, 5);
    expect(at(metrics.openComplaints)).toBe(2);
    expect(facts.resolvedComplaints[0]).toBe(1);
    expect(at(metrics.daysSinceContact)).toBe(10);
    expect(at(metrics.needTypeFit)).toBe(5);
    expect(at(metrics.needStrength)).toBe(4);
    expect(at(metrics.budget)).toBe(2);
    expect(at(metrics.needUrgency)).toBeNaN();
    expect(at(metrics.clv12m)).toBeNaN();
  });
});

describe('computeFeatures, edge cases', () => {
  it('a client with no invoice has zero revenue as a fact, and no purchase measure at all', () => {
    const { metrics, facts } = features({
      clients: [{ id: 'p' }],
      interactions: [{ clientId: 'p', date: '2026-06-01' }],
    });
    expect(facts.windowRevenue[0]).toBe(0);
    for (const key of [
      'monetaryTotal',
      'frequency',
      'profit',
      'recencyDays',
      'averageOrderValue',
      'margin',
      'tenureDays',
      'repurchaseRate',
      'spendTrend',
      'onTimeShare',
      'satisfaction',
    ] as const) {
      expect(metrics[key][0], key).toBeNaN();
    }
    expect(facts.firstPurchaseDay[0]).toBe(NO_DAY);
    expect(metrics.daysSinceContact[0]).toBe(29);
  });

  it('refunds only: negative revenue, still not a buyer', () => {
    const { metrics, facts } = features({
      clients: [{ id: 'r' }],
      transactions: [{ clientId: 'r', date: '2026-06-01', amount: -50 }],
    });
    expect(metrics.monetaryTotal[0]).toBe(-50);
    expect(facts.purchaseDays[0]).toBe(0);
    expect(metrics.margin[0]).toBeNaN();
    // No purchase, no trend.
    expect(metrics.spendTrend[0]).toBeNaN();
  });

  it('nets a day: an order cancelled the same day is no purchase, a partial refund lowers its value', () => {
    const { metrics, facts } = features({
      clients: [{ id: 'c' }, { id: 'p' }],
      transactions: [
        { clientId: 'c', date: '2026-03-01', amount: 168_470 },
        { clientId: 'c', date: '2026-03-01', amount: -168_470 },
        { clientId: 'c', date: '2026-04-01', amount: 2.9 },
        { clientId: 'p', date: '2026-03-01', amount: 0.1 },
        { clientId: 'p', date: '2026-03-01', amount: 0.2 },
        { clientId: 'p', date: '2026-03-01', amount: -0.3 },
        { clientId: 'p', date: '2026-05-01', amount: 300 },
        { clientId: 'p', date: '2026-05-01', amount: -100 },
      ],
    });
    expect(Array.from(facts.purchaseDays)).toEqual([1, 1]);
    expect(Array.from(metrics.averageOrderValue)).toEqual([2.9, 200]);
    // 0.1 + 0.2 − 0.3 is 5.55e-17 in binary: rounded to the cent, nothing.
    expect(Array.from(facts.windowRevenue)).toEqual([2.9, 200]);
    expect(facts.firstPurchaseDay[1]).toBe(toEpochDay('2026-05-01'));
  });

  it('counts tenure while the client is active, and open complaints where complaints are on record', () => {
    const { metrics } = features({
      clients: [{ id: 'active' }, { id: 'gone' }, { id: 'quiet' }],
      transactions: [
        { clientId: 'active', date: '2023-01-01', amount: 100 },
        { clientId: 'active', date: '2026-06-01', amount: 100 },
        { clientId: 'gone', date: '2023-01-01', amount: 100 },
        { clientId: 'gone', date: '2025-08-27', amount: 100 }, // 307 days before the as-of day
      ],
      complaints: [
        { clientId: 'gone', openedAt: '2025-01-01', resolvedAt: '2025-01-10', severity: 'low' },
      ],
    });
    expect(metrics.tenureDays[0]).toBe(asOfDay - toEpochDay('2023-01-01'));
    expect(metrics.tenureDays[1]).toBe(0);
    expect(Array.from(metrics.openComplaints)).toEqual([NaN, 0, NaN]);
  });

  it('has no spend trend for a client new in the window, nor where the base’s history is short', () => {
    const recent = features({
      clients: [{ id: 'new' }, { id: 'old' }],
      transactions: [
        { clientId: 'old', date: '2024-01-01', amount: 100 },
        { clientId: 'old', date: '2026-01-01', amount: 300 },
        { clientId: 'new', date: '2026-02-01', amount: 100 },
        { clientId: 'new', date: '2026-03-01', amount: 100 },
      ],
    });
    expect(recent.metrics.spendTrend[0]).toBeNaN();
    // Nothing in the previous window: growth of 1, one purchase day of evidence.
    expect(recent.metrics.spendTrend[1]).toBeCloseTo(1 / (1 + 3), 12);
    // Nine days of data before the window: no client has a trend.
    const short = features({
      clients: [{ id: 'a' }],
      transactions: [
        { clientId: 'a', date: '2025-06-21', amount: 10 },
        { clientId: 'a', date: '2026-01-01', amount: 300 },
      ],
    });
    expect(short.metrics.spendTrend[0]).toBeNaN();
  });

  it('has no profit where no invoice of the window says what it cost (it would repeat revenue)', () => {
    const { metrics } = features({
      clients: [{ id: 'a' }, { id: 'b' }],
      transactions: [
        { clientId: 'a', date: '2026-05-01', amount: 1000 },
        { clientId: 'b', date: '2026-05-01', amount: 1000, hours: 5 },
      ],
    });
    expect(Array.from(metrics.profit)).toEqual([NaN, 800]);
    expect(metrics.margin[0]).toBeNaN();
    expect(metrics.margin[1]).toBeCloseTo(0.8, 12);
  });

  it('counts referrals on the referrer', () => {
    const { metrics } = features({
      clients: [{ id: 'a' }, { id: 'b', referredById: 'a' }, { id: 'c', referredById: 'a' }],
    });
    // None recorded is no data, not a score of zero.
    expect(Array.from(metrics.referrals)).toEqual([2, NaN, NaN]);
  });

  it("uses the client's own hourly rate where the profile sets one, else the model's", () => {
    const { metrics } = features({
      clients: [{ id: 'a' }, { id: 'b', hourlyRate: 90 }, { id: 'c', hourlyRate: 0 }],
      transactions: ['a', 'b', 'c'].map((clientId) => ({
        clientId,
        date: '2026-05-01',
        amount: 1000,
        hours: 5,
      })),
    });
    // The model's 40 an hour; 90; 0 (hours that cost nothing, not "unset").
    expect(Array.from(metrics.profit)).toEqual([800, 550, 1000]);
  });

  it('what each client owes on the as-of day, and how much of it is overdue', () => {
    const { facts } = features({
      clients: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
      transactions: [
        { clientId: 'a', date: '2026-05-01', amount: 600, dueDate: '2026-05-31' },
        { clientId: 'a', date: '2026-06-20', amount: 400, dueDate: '2026-07-20' },
        { clientId: 'a', date: '2026-06-25', amount: -100 },
        {
          clientId: 'b',
          date: '2026-05-01',
          amount: 600,
          dueDate: '2026-05-31',
          paidDate: '2026-06-02',
        },
        // dated after the as-of day: not owed yet
        { clientId: 'c', date: '2026-07-01', amount: 600, dueDate: '2026-07-02' },
      ],
    });
    expect(Array.from(facts.outstanding)).toEqual([900, 0, 0]);
    expect(Array.from(facts.overdue)).toEqual([500, 0, 0]);
  });
});

describe('payment punctuality: paid dates, and unpaid invoices only once overdue', () => {
  // As of 2026-06-30; every invoice for 100, due 2026-06-15 unless said otherwise.
  const punctuality = (invoice: { dueDate?: string; paidDate?: string; amount?: number }) => {
    const { metrics } = features({
      clients: [{ id: 'a' }],
      transactions: [{ clientId: 'a', date: '2026-06-01', amount: 100, ...invoice }],
    });
    return { share: metrics.onTimeShare[0], late: metrics.meanDaysLate[0] };
  };

  it.each([
    ['paid before the due date', { dueDate: '2026-06-15', paidDate: '2026-06-10' }, 1, 0],
    ['paid on the due date', { dueDate: '2026-06-15', paidDate: '2026-06-15' }, 1, 0],
    ['paid five days late', { dueDate: '2026-06-15', paidDate: '2026-06-20' }, 0, 5],
    ['unpaid, due later: says nothing', { dueDate: '2026-07-15' }, NaN, NaN],
    ['unpaid, due on the as-of day: says nothing yet', { dueDate: '2026-06-30' }, NaN, NaN],
    ['unpaid and overdue: late by the days so far', { dueDate: '2026-06-15' }, 0, 15],
    [
      'paid after the as-of day: unpaid on it',
      { dueDate: '2026-06-15', paidDate: '2026-07-03' },
      0,
      15,
    ],
    [
      'paid early, before it was even due: on time',
      { dueDate: '2026-07-15', paidDate: '2026-06-05' },
      1,
      0,
    ],
    ['no due date: nothing to be punctual against', { paidDate: '2026-06-20' }, NaN, NaN],
    ['a refund is no payment by the client', { amount: -50, dueDate: '2026-06-15' }, NaN, NaN],
  ] as const)('%s', (_what, invoice, share, late) => {
    expect(punctuality(invoice)).toEqual({ share, late });
  });

  it('marking an overdue invoice paid on the as-of day never makes the client look less punctual', () => {
    const before = punctuality({ dueDate: '2026-06-15' });
    const after = punctuality({ dueDate: '2026-06-15', paidDate: '2026-06-30' });
    expect(after.share).toBeGreaterThanOrEqual(before.share!);
    expect(after.late).toBeLessThanOrEqual(before.late!);
  });

  it('an invoice not yet due leaves a punctual client as punctual as before', () => {
    const { metrics } = features({
      clients: [{ id: 'a' }],
      transactions: [
        {
          clientId: 'a',
          date: '2026-03-01',
          amount: 100,
          dueDate: '2026-03-31',
          paidDate: '2026-03-20',
        },
        { clientId: 'a', date: '2026-06-25', amount: 900, dueDate: '2026-07-25' },
      ],
    });
    expect(metrics.onTimeShare[0]).toBe(1);
    expect(metrics.meanDaysLate[0]).toBe(0);
  });
});
