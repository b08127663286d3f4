import { describe, expect, it } from 'vitest';
import {
  backtestClv,
  backtestTrust,
  combinedTrust,
  computeClv,
  totalError,
  type ClvBacktest,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { simulateBase } from './simulate';

const asOfDay = toEpochDay('2026-06-30');

describe('backtestClv', () => {
  it('holds the last six months back and compares, in total and client by client (hand-computed)', () => {
    // Three clients over two years. The test period is (2025-12-30, 2026-06-30].
    const day = (iso: string) => toEpochDay(iso);
    const base = {
      offsets: [0, 4, 6, 7],
      day: [
        day('2024-07-01'),
        day('2025-01-01'),
        day('2026-02-01'),
        day('2026-02-01'),
        day('2024-08-01'),
        day('2026-05-01'),
        day('2026-03-01'), // a client met in the test period: not predicted
      ],
      amount: [100, 100, 150, -50, 300, 200, 999],
    };
    const test = backtestClv(base, { asOfDay, unit: 'week' })!;
    expect(test.calibrationEndDay).toBe(asOfDay - 182);
    expect(test.holdoutDays).toBe(182);
    expect(test.clients).toBe(2);
    // Client 0: one purchase day netting 100; client 1: one purchase of 200.
    expect(test.actualPurchases).toBe(2);
    expect(test.actualValue).toBe(300);
    expect(test.predictedPurchases).toBeGreaterThan(0);
    expect(test.clientError).toBeGreaterThanOrEqual(Math.abs(totalError(test)) - 1e-12);
  });

  it('needs a year of history before a six-month test, or half a year before three months', () => {
    const base = (first: string) => ({
      offsets: [0, 2],
      day: [toEpochDay(first), asOfDay - 10],
      amount: [100, 100],
    });
    expect(backtestClv(base('2025-06-01'), { asOfDay, unit: 'week' })?.holdoutDays).toBe(91);
    expect(backtestClv(base('2026-01-01'), { asOfDay, unit: 'week' })).toBeNull();
  });

  it('predicts a base drawn from the model well, and trusts it', () => {
    const base = simulateBase(3000, 11, {
      bgnbd: { r: 0.8, alpha: 40, a: 0.9, b: 3 },
      spend: { p: 5, q: 4, v: 300 },
      asOfDay,
      years: 3,
    });
    const test = backtestClv(base, { asOfDay, unit: 'week', purchaseModel: 'bgnbd' })!;
    expect(Math.abs(test.predictedPurchases / test.actualPurchases - 1)).toBeLessThan(0.15);
    expect(Math.abs(totalError(test))).toBeLessThan(0.2);
    expect(test.level).not.toBe('low');
    expect(computeClv(base, { asOfDay }).backtest).not.toBeNull();
  });
});

describe('trust from a test', () => {
  const test = (predictedValue: number, clientError = 0.3) =>
    ({ predictedValue, actualValue: 100, clientError }) as Pick<
      ClvBacktest,
      'predictedValue' | 'actualValue' | 'clientError'
    >;

  it('is high within 20 % (and modest client errors), medium within 40 %, else low', () => {
    expect(backtestTrust(test(115))).toBe('high');
    expect(backtestTrust(test(115, 0.9))).toBe('medium');
    expect(backtestTrust(test(65))).toBe('medium');
    expect(backtestTrust(test(300))).toBe('low');
  });

  it('never raises the level the counts allow, and caps an untested model at medium', () => {
    const tested = (level: ClvBacktest['level']) => ({ level }) as ClvBacktest;
    expect(combinedTrust({ level: 'high', reason: 'enough-data' }, tested('low'))).toEqual({
      level: 'low',
      reason: 'tested',
    });
    expect(combinedTrust({ level: 'low', reason: 'few-clients' }, tested('high'))).toEqual({
      level: 'low',
      reason: 'few-clients',
    });
    expect(combinedTrust({ level: 'high', reason: 'enough-data' }, null)).toEqual({
      level: 'medium',
      reason: 'untested',
    });
  });
});
