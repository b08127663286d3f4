import { describe, expect, it } from 'vitest';
import { cellMembers, compareEvaluations, explainMove } from '$engine/index';
import { evaluationOf } from './evaluation-fixtures';

const october = evaluationOf('oct', [
  { id: 'ada', tier: 0, score: 80 },
  { id: 'bo', tier: 0, score: 76, revenue: 5000, daysSincePurchase: 20, abc: 'A' },
  { id: 'cy', tier: 1, score: 60 },
  { id: 'di', tier: 2, score: 30, revenue: 0, daysSincePurchase: -1, stage: 'prospect' },
  { id: 'ed', tier: 2, score: 20 },
]);
const november = evaluationOf('nov', [
  { id: 'ada', tier: 0, score: 81 },
  { id: 'cy', tier: 0, score: 77, dimensions: { value: 62 } },
  { id: 'di', tier: 1, score: 58, revenue: 900, daysSincePurchase: 3, stage: 'new' },
  {
    id: 'bo',
    tier: 1,
    score: 56,
    revenue: 2000,
    daysSincePurchase: 120,
    abc: 'A',
    dimensions: { value: 30 },
  },
  { id: 'fay', tier: 2, score: 10 },
]);

describe('compareEvaluations', () => {
  const tiers = compareEvaluations(october, november, 'tier');

  it('counts every client from its tier then to its tier now, new ones and gone ones', () => {
    expect(tiers.matrix).toEqual([
      [1, 1, 0, 0], // VIP: ada stays, bo drops to Core
      [1, 0, 0, 0], // Core: cy rises
      [0, 1, 0, 1], // Low value: di rises, ed gone
      [0, 0, 1, 0], // new: fay
    ]);
    expect(tiers.compared).toBe(4);
  });

  it('lists who moved, largest moves first, with the reasons that changed most', () => {
    expect(tiers.movements.map((m) => [m.clientId, m.direction, m.from, m.to])).toEqual([
      ['cy', 'up', 1, 0],
      ['di', 'up', 2, 1],
      ['bo', 'down', 0, 1],
    ]);
    const bo = tiers.movements.find((m) => m.clientId === 'bo');
    // No purchase for 120 days (weight 120/180) and revenue −60% (0.6) outweigh the value
    // score's −20 points (20/40) and the lapse of its P(active) (unchanged here).
    expect(bo?.reasons).toEqual([
      { kind: 'noPurchase', days: 120 },
      { kind: 'revenue', percent: -60 },
    ]);
    expect([bo?.fromRank, bo?.toRank]).toEqual([2, 4]);
  });

  it('names first revenue for a prospect that bought, and the stage it reached', () => {
    const di = tiers.movements.find((m) => m.clientId === 'di');
    expect(di?.reasons[0]).toEqual({ kind: 'firstRevenue', amount: 900 });
  });

  it('falls back to the rank when no input changed enough to name', () => {
    const cy = explainMove(october, november, 2, 1, 'up');
    expect(cy).toEqual([{ kind: 'dimension', dimension: 'value', points: 12 }]);
    const quiet = evaluationOf('q', [
      { id: 'cy', tier: 0, score: 61 },
      { id: 'x', tier: 1, score: 59 },
    ]);
    expect(explainMove(october, quiet, 2, 0, 'up')).toEqual([{ kind: 'rank', from: 3, to: 1 }]);
    // Same rank, another class (an ABC share moved with the others): no rank to name.
    expect(explainMove(october, quiet, 0, 0, 'up')).toEqual([{ kind: 'others' }]);
  });

  it('names refunds that outweigh sales by their amount, not a percentage', () => {
    const refunded = evaluationOf('r', [{ id: 'bo', tier: 2, score: 10, revenue: -85_000 }]);
    expect(explainMove(october, refunded, 1, 0, 'down')[0]).toEqual({
      kind: 'netRefund',
      amount: -85_000,
    });
  });

  it('puts a pin first, and says when the model changed', () => {
    const pinned = evaluationOf('p', [{ id: 'ed', tier: 0, score: 20, pinned: true }], {
      modelUpdatedAt: '2026-11-15T00:00:00.000Z',
    });
    expect(explainMove(october, pinned, 4, 0, 'up')).toEqual([
      { kind: 'pinned' },
      { kind: 'modelChanged' },
    ]);
  });

  it('compares ABC classes and lifecycle health in their own schemes', () => {
    const stages = compareEvaluations(october, november, 'lifecycle');
    // di: prospect → new is a step up in health; nobody lapsed.
    expect(stages.movements.map((m) => [m.clientId, m.direction])).toEqual([['di', 'up']]);
    const abc = compareEvaluations(october, november, 'abc');
    expect(abc.movements).toEqual([]);
    expect(abc.matrix[0]).toEqual([1, 0, 0, 0]); // bo stays A
  });

  it('maps tiers by id when the model renamed or reordered them', () => {
    const reordered = evaluationOf('r', [{ id: 'bo', tier: 1, score: 76 }], {
      tiers: [october.tiers[1]!, october.tiers[0]!, october.tiers[2]!],
    });
    // bo was VIP (index 0 then), and VIP is index 1 now: no move.
    expect(compareEvaluations(october, reordered, 'tier').movements).toEqual([]);
  });

  it('lists the clients of a cell, new and gone ones included', () => {
    expect(cellMembers(october, november, 'tier', 0, 1)).toEqual([{ clientId: 'bo', rank: 4 }]);
    expect(cellMembers(october, november, 'tier', 3, 2)).toEqual([{ clientId: 'fay', rank: 5 }]);
    expect(cellMembers(october, november, 'tier', 2, 3)).toEqual([{ clientId: 'ed', rank: null }]);
  });
});
