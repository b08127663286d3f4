import { describe, expect, it } from 'vitest';
import { compareEvaluations, type Evaluation, type Movement } from '$engine/index';
import type { StoredEvaluation } from '$db/evaluation-store';
import { movementConfig } from '$features/dashboard/movement-chart';
import { movementBars, valuableDowngrades, VALUABLE_TIERS } from '$features/dashboard/movements';
import type { HistoryComparison, NamedMovement } from '$worker/history-service';
import { evaluationOf, TIERS, type ClientRow } from '../../engine/evaluation-fixtures';

/** An evaluation's meta as the worker hands it over (its columns along: nothing reads them). */
function meta(evaluation: Evaluation): StoredEvaluation {
  return { ...evaluation, createdAt: evaluation.takenAt, updatedAt: evaluation.takenAt };
}

const named = (m: Movement): NamedMovement => ({ ...m, name: m.clientId });

/** A comparison as `compareEvaluations` in the worker makes it, every movement listed. */
function comparisonOf(from: Evaluation, to: Evaluation): HistoryComparison {
  const { matrix, movements, compared } = compareEvaluations(from, to, 'tier');
  const ups = movements.filter((m) => m.direction === 'up');
  const downs = movements.filter((m) => m.direction === 'down');
  return {
    from: meta(from),
    to: meta(to),
    scheme: 'tier',
    matrix,
    compared,
    ups: ups.length,
    downs: downs.length,
    upgrades: ups.map(named),
    downgrades: downs.map(named),
  };
}

const october = evaluationOf('oct', [
  { id: 'ada', tier: 0, score: 80 },
  { id: 'bo', tier: 0, score: 76 },
  { id: 'cy', tier: 1, score: 60 },
  { id: 'di', tier: 1, score: 55 },
  { id: 'ed', tier: 2, score: 20 },
]);
const november = evaluationOf('nov', [
  { id: 'cy', tier: 0, score: 77 },
  { id: 'ada', tier: 1, score: 70 },
  { id: 'fay', tier: 1, score: 50 },
  { id: 'bo', tier: 2, score: 30 },
  { id: 'di', tier: 2, score: 29 },
]);

describe('movementBars', () => {
  it('makes a bar per earlier tier, stacked by the later tier, with new and gone when any', () => {
    const { bars, stacks } = movementBars(comparisonOf(october, november));
    expect(bars.map((b) => b.tier?.id ?? 'new')).toEqual(['vip', 'core', 'low', 'new']);
    expect(stacks.map((s) => s.tier?.id ?? 'gone')).toEqual(['vip', 'core', 'low', 'gone']);
    // Each stack: clients per bar (VIP, Core, Low value, new).
    expect(stacks.map((s) => s.counts)).toEqual([
      [0, 1, 0, 0], // in VIP now: cy, from Core
      [1, 0, 0, 1], // in Core now: ada from VIP, fay new
      [1, 1, 0, 0], // in Low value now: bo from VIP, di from Core
      [0, 0, 1, 0], // gone: ed, from Low value
    ]);
  });

  it('leaves out the new bar and the gone stack when nobody is in them', () => {
    const same = evaluationOf('dec', [
      { id: 'ada', tier: 0, score: 80 },
      { id: 'bo', tier: 1, score: 50 },
    ]);
    const { bars, stacks } = movementBars(comparisonOf(same, same));
    expect(bars.map((b) => b.row)).toEqual([0, 1, 2]);
    expect(stacks.map((s) => s.col)).toEqual([0, 1, 2]);
    expect(stacks.map((s) => s.counts)).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 0],
    ]);
  });
});

describe('valuableDowngrades', () => {
  it('are the drops from the best two tiers, counted from the matrix', () => {
    const { total, listed } = valuableDowngrades(comparisonOf(october, november));
    // ada VIP → Core, bo VIP → Low value, di Core → Low value; cy rose, ed is gone.
    expect(total).toBe(3);
    expect(listed.map((m) => m.clientId).sort()).toEqual(['ada', 'bo', 'di']);
    expect(VALUABLE_TIERS).toBe(2);
  });

  it('count every such drop even when the lists are cut short', () => {
    const comparison = comparisonOf(october, november);
    const { total, listed } = valuableDowngrades({
      ...comparison,
      downgrades: comparison.downgrades.slice(0, 1),
    });
    expect(total).toBe(3);
    expect(listed).toHaveLength(1);
  });

  it('compare tiers by id, as the worker does, when the model reordered them', () => {
    // The later model puts Core first: staying in Core is no drop, though its index grew.
    const reordered = [TIERS[1]!, TIERS[0]!, TIERS[2]!];
    const rows: ClientRow[] = [
      { id: 'ada', tier: 1, score: 80 }, // VIP, as before
      { id: 'cy', tier: 0, score: 60 }, // Core, as before
      { id: 'bo', tier: 2, score: 30 }, // VIP → Low value
    ];
    const later = evaluationOf('jan', rows, { tiers: reordered });
    const comparison = comparisonOf(october, later);
    const { total, listed } = valuableDowngrades(comparison);
    expect(listed.map((m) => m.clientId)).toEqual(['bo']);
    expect(total).toBe(1);
  });

  it('agree with the engine on every hand-made case', () => {
    for (const [from, to] of [
      [october, november],
      [november, october],
      [october, october],
    ] as const) {
      const comparison = comparisonOf(from, to);
      const { total } = valuableDowngrades(comparison);
      expect(total).toBe(comparison.downgrades.filter((m) => m.from < VALUABLE_TIERS).length);
    }
  });
});

describe('movementConfig', () => {
  const colours = { text: '#000', muted: '#777', grid: '#ddd', surface: '#fff', font: 'sans' };
  const format = {
    number: (x: number) => String(x),
    money: (x: number) => `$${x}`,
    percent: (x: number) => `${x * 100}%`,
    month: (m: string) => m,
  };
  const words = {
    tier: (tier: { names: { en: string } }) => tier.names.en,
    newSince: 'New since',
    goneSince: 'Gone since',
    barsTitle: 'Tier as of Oct',
    stacksTitle: 'Tier as of Nov',
    cell: (count: number, from: string, to: string) => `${count} from ${from} to ${to}`,
  };

  it('stacks the later tiers in their colours, and those gone in grey', () => {
    const config = movementConfig(
      { colours, format },
      movementBars(comparisonOf(october, november)),
      words,
    );
    expect(config.data.labels).toEqual(['VIP', 'Core', 'Low value', 'New since']);
    expect(config.data.datasets.map((d) => [d.label, d.backgroundColor])).toEqual([
      ['VIP', TIERS[0]!.colour],
      ['Core', TIERS[1]!.colour],
      ['Low value', TIERS[2]!.colour],
      ['Gone since', '#777'],
    ]);
    expect(config.options?.scales).toMatchObject({ x: { stacked: true }, y: { stacked: true } });
  });
});
