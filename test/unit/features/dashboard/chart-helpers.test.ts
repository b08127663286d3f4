import { describe, expect, it } from 'vitest';
import { logTick, translucent } from '$features/dashboard/chart-options';
import { curveAtDeciles, scatterMeans } from '$features/dashboard/chart-tables';

describe('logTick', () => {
  const tick = logTick((x) => String(x));
  it.each([
    [1, '1'],
    [3, '3'],
    [10, '10'],
    [30_000, '30000'],
    [2, ''],
    [70_000, ''],
  ])('labels %s as %j', (value, label) => expect(tick(value)).toBe(label));
});

describe('translucent', () => {
  it('adds an alpha channel to a hex colour, leaves others alone', () => {
    expect(translucent('#b8860b', 0.6)).toBe('#b8860b99');
    expect(translucent('rebeccapurple')).toBe('rebeccapurple');
  });
});

describe('curveAtDeciles', () => {
  it('reads the curve at each tenth, between its points', () => {
    const rows = curveAtDeciles([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.75 },
      { x: 1, y: 1 },
    ]);
    expect(rows).toHaveLength(10);
    expect(rows[0]!.revenue).toBeCloseTo(0.15, 9);
    expect(rows[4]!.revenue).toBeCloseTo(0.75, 9);
    expect(rows[9]).toEqual({ clients: 1, revenue: 1 });
  });

  it('gives nothing for an empty curve', () => {
    expect(curveAtDeciles([])).toEqual([]);
  });
});

describe('scatterMeans', () => {
  it('counts and averages the points of each tier', () => {
    expect(
      scatterMeans([
        [
          { x: 1, y: 100 },
          { x: 3, y: 300 },
        ],
        [],
      ]),
    ).toEqual([
      { points: 2, x: 2, y: 200 },
      { points: 0, x: NaN, y: NaN },
    ]);
  });
});
