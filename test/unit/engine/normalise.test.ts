import { describe, expect, it } from 'vitest';
import { normalise, percentileRanks } from '$engine/index';

const all = (n: number) => new Uint8Array(n).fill(1);
const f = (...xs: number[]) => Float64Array.from(xs);

describe('normalise', () => {
  it.each([
    ['spread', [10, 20, 30, 40, 50], [0, 0.25, 0.5, 0.75, 1]],
    ['ties share the middle of their ranks', [1, 2, 2, 3], [0, 0.5, 0.5, 1]],
    ['an outlier moves others by one rank only', [1, 2, 3, 1_000_000], [0, 1 / 3, 2 / 3, 1]],
    ['all equal', [7, 7, 7], [0.5, 0.5, 0.5]],
    // A tie at the bottom earns nothing, a tie at the top everything, whatever its size.
    ['a tie at the lowest value is 0', [0, 0, 0, 5, 9], [0, 0, 0, 0.75, 1]],
    ['a tie at the highest value is 1', [1, 4, 4, 4], [0, 1, 1, 1]],
    ['fractions tied at the ends', [0.5, 0.5, 2.5, 3.5, 3.5], [0, 0, 0.5, 1, 1]],
    ['one client', [42], [0.5]],
  ])('percentile: %s', (_, values, expected) => {
    const out = percentileRanks(f(...values), all(values.length));
    expected.forEach((e, i) => expect(out[i]).toBeCloseTo(e, 12));
  });

  it('percentile leaves out missing values and excluded clients', () => {
    const out = percentileRanks(f(1, NaN, 3, 100), Uint8Array.from([1, 1, 1, 0]));
    expect(Array.from(out)).toEqual([0, NaN, 1, NaN]);
  });

  it('min–max and fixed scales', () => {
    expect(Array.from(normalise(f(2, 4, 6), { kind: 'minmax' }, all(3)))).toEqual([0, 0.5, 1]);
    expect(Array.from(normalise(f(5, 5), { kind: 'minmax' }, all(2)))).toEqual([0.5, 0.5]);
    expect(
      Array.from(normalise(f(1, 3, 5, 9, NaN), { kind: 'fixed', min: 1, max: 5 }, all(5))),
    ).toEqual([0, 0.5, 1, 1, NaN]);
  });
});
