import { describe, expect, it } from 'vitest';
import {
  buildSnapshot,
  compositeOf,
  scoreClients,
  tierUp,
  type ScoreResult,
  type SnapshotRecords,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { AS_OF, model, records } from './fixtures';

const asOfDay = toEpochDay(AS_OF);

/** The columns of a run as the scores record keeps them. */
function columns(result: ScoreResult) {
  const n = result.clientIds.length;
  const metricValues = new Float64Array(result.slots.length * n);
  result.slots.forEach((slot, j) => metricValues.set(result.metrics[slot.metric], j * n));
  return { ...result, metricValues };
}

/** Eight clients of a freelancer: invoices over two years, some rated. */
function freelancer(budgetOfD?: number): SnapshotRecords {
  const clients = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id, i) => ({
    id,
    budget: id === 'd' ? budgetOfD : (i % 5) + 1,
    growthRoom: 3,
  }));
  const transactions = clients.flatMap(({ id }, i) =>
    Array.from({ length: 1 + i }, (_, k) => ({
      clientId: id,
      date: `2025-${String(1 + ((k * 3 + i) % 12)).padStart(2, '0')}-15`,
      amount: 200 * (i + 1),
    })),
  );
  return records({ clients, transactions });
}

describe('tierUp', () => {
  it('finds, for each measure, the value that alone lifts the client one tier, and it does', () => {
    const definition = model();
    const result = scoreClients(buildSnapshot(freelancer(2)), definition, { asOfDay });
    const d = result.clientIds.indexOf('d');
    const up = tierUp(columns(result), definition, d);
    expect(up).not.toBeNull();
    expect(up!.tier).toBe(result.computedTier[d]! - 1);
    expect(up!.options.length).toBeGreaterThan(0);
    const budget = tierUp(columns(result), definition, d, Infinity)!.options.find(
      (o) => o.metric === 'budget',
    )!;
    expect(budget.now).toBe(2);
    expect(budget.needed).toBeGreaterThan(2);
    // Scored again with that budget, the client is in the tier above…
    const again = scoreClients(buildSnapshot(freelancer(budget.needed)), definition, { asOfDay });
    expect(again.computedTier[d]).toBe(up!.tier);
    // …and one point less does not get there.
    const short = scoreClients(buildSnapshot(freelancer(budget.needed - 1)), definition, {
      asOfDay,
    });
    expect(short.computedTier[d]).toBeGreaterThan(up!.tier);
    // Revenue would do it too: as much as the top client's at most.
    const revenue = up!.options.find((o) => o.metric === 'monetaryTotal');
    expect(revenue?.needed).toBeLessThanOrEqual(6400);
    expect(revenue?.needed).toBeGreaterThan(1600);
    // Time and predictions are no advice: tenure and the 12-month value are never offered.
    const all = tierUp(columns(result), definition, d, Infinity)!.options.map((o) => o.metric);
    expect(all).not.toContain('tenureDays');
    expect(all).not.toContain('clv12m');
  });

  it('counts a measure without data as if the client now had it', () => {
    const definition = model();
    const result = scoreClients(buildSnapshot(freelancer(undefined)), definition, { asOfDay });
    const d = result.clientIds.indexOf('d');
    // Every option, not the nearest three: a rating from nothing is a long way.
    const up = tierUp(columns(result), definition, d, Infinity);
    const budget = up!.options.find((o) => o.metric === 'budget')!;
    expect(budget.now).toBeNaN();
    const again = scoreClients(buildSnapshot(freelancer(budget.needed)), definition, { asOfDay });
    expect(again.computedTier[d]).toBe(up!.tier);
  });

  it('has nothing to offer the top tier', () => {
    const definition = model((m) => (m.tiers.levels[0]!.minScore = 60));
    const result = scoreClients(buildSnapshot(freelancer(5)), definition, { asOfDay });
    const top = result.order[0]!;
    expect(result.computedTier[top]).toBe(0);
    expect(tierUp(columns(result), definition, top)).toBeNull();
  });

  it('computes the composite as the scoring does', () => {
    const definition = model();
    const result = scoreClients(buildSnapshot(freelancer(3)), definition, { asOfDay });
    const n = result.clientIds.length;
    for (let c = 0; c < n; c += 1) {
      const xs = result.slots.map((_, j) => result.normalised[j * n + c]!);
      expect(compositeOf(xs, result.slots, definition)).toBeCloseTo(result.composite[c]!, 4);
    }
  });
});
