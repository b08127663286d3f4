import { describe, expect, it } from 'vitest';
import { compareTiers, type TierColumns } from '$worker/model-preview';

const TIERS = ['vip', 'core', 'other'];

function run(rows: [id: string, rank: number, composite: number, tier: number][]): TierColumns {
  return {
    clientIds: rows.map((r) => r[0]),
    rank: Int32Array.from(rows.map((r) => r[1])),
    composite: Float32Array.from(rows.map((r) => r[2])),
    tier: Uint8Array.from(rows.map((r) => r[3])),
    tierIds: TIERS,
  };
}

describe('compareTiers', () => {
  it('counts tiers before and after and the clients who change tier', () => {
    const before = run([
      ['a', 1, 90, 0],
      ['b', 2, 60, 1],
      ['c', 3, 40, 2],
      ['d', 4, 20, 2],
    ]);
    const after = run([
      ['a', 2, 70, 1],
      ['b', 1, 80, 0],
      ['c', 3, 40, 2],
      ['d', 4, 30, 2],
    ]);
    const preview = compareTiers(before, after);
    expect(preview.clients).toBe(4);
    expect(preview.before).toEqual([
      { id: 'vip', count: 1 },
      { id: 'core', count: 1 },
      { id: 'other', count: 2 },
    ]);
    expect(preview.after.map((t) => t.count)).toEqual([1, 1, 2]);
    expect(preview.changed).toBe(2);
    // a and b swap ranks; a lost more points. d only changed score; c did not move.
    expect(preview.movers.map((m) => m.id)).toEqual(['a', 'b', 'd']);
    expect(preview.movers[0]).toMatchObject({
      rankBefore: 1,
      rankAfter: 2,
      compositeBefore: 90,
      compositeAfter: 70,
      tierBefore: 'vip',
      tierAfter: 'core',
    });
  });

  it('matches clients by id when the runs list them in a different order', () => {
    const before = run([
      ['x', 1, 80, 0],
      ['y', 2, 50, 1],
      ['gone', 3, 10, 2],
    ]);
    const after = run([
      ['new', 1, 99, 0],
      ['y', 2, 75, 0],
      ['x', 3, 70, 1],
    ]);
    const preview = compareTiers(before, after);
    expect(preview.clients).toBe(2);
    expect(preview.changed).toBe(2);
    expect(preview.movers.map((m) => [m.id, m.rankBefore, m.rankAfter])).toEqual([
      ['x', 1, 3],
      ['y', 2, 2],
    ]);
  });

  it('leaves out archived clients and lists tiers by id when a model renames its levels', () => {
    const before = run([
      ['a', 1, 90, 0],
      ['b', 0, NaN, 0],
    ]);
    const after = {
      ...run([
        ['a', 1, 90, 0],
        ['b', 0, NaN, 0],
      ]),
      tierIds: ['gold', 'silver', 'bronze'],
    };
    const preview = compareTiers(before, after);
    expect(preview.clients).toBe(1);
    expect(preview.after[0]).toEqual({ id: 'gold', count: 1 });
    expect(preview.changed).toBe(1);
    expect(preview.movers).toHaveLength(1);
  });

  it('keeps the ten biggest movers, biggest rank change first', () => {
    const n = 30;
    const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(2, '0')}`);
    const before = run(ids.map((id, i) => [id, i + 1, 100 - i, 2]));
    // Reversed ranking: the clients at the ends move most.
    const after = run(ids.map((id, i) => [id, n - i, 100 - (n - 1 - i), 2]));
    const preview = compareTiers(before, after);
    expect(preview.changed).toBe(0);
    expect(preview.movers).toHaveLength(10);
    const moves = preview.movers.map((m) => Math.abs(m.rankAfter - m.rankBefore));
    expect(moves).toEqual([...moves].sort((x, y) => y - x));
    expect(moves[0]).toBe(n - 1);
    expect(preview.movers.slice(0, 2).map((m) => m.id)).toEqual(['c00', 'c29']);
  });
});
