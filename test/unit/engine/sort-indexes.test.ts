import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedIndexes } from '$engine/sort-indexes';

/** What sortedIndexes promises, written the slow, obvious way. */
function expected(values: Float64Array, include: Uint8Array, secondary?: Float64Array): number[] {
  return Array.from(values.keys())
    .filter((i) => include[i] && !Number.isNaN(values[i]!))
    .sort((a, b) => {
      const x = values[a]! + 0;
      const y = values[b]! + 0;
      if (x !== y) return x < y ? -1 : 1;
      if (secondary && secondary[a] !== secondary[b]) return secondary[a]! < secondary[b]! ? -1 : 1;
      return a - b;
    });
}

const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map((x) => x / 2),
  fc.integer({ min: -200_000, max: 200_000 }),
  fc.double({ noDefaultInfinity: false }),
  // Distinct values that share their upper 32 bits, so the exact refinement is exercised.
  fc.integer({ min: 0, max: 40 }).map((k) => 1_000_000 + k * 1e-7),
  fc.constantFrom(0, -0, Infinity, -Infinity, 1e-300, -1e-300, NaN),
);

describe('sortedIndexes', () => {
  it('orders by value, then the tie-break, then index, skipping NaN and excluded clients', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyValue, fc.integer({ min: 0, max: 3 }), fc.boolean()), {
          maxLength: 300,
        }),
        fc.boolean(),
        (rows, withTieBreak) => {
          const values = Float64Array.from(rows, (r) => r[0]);
          const secondary = Float64Array.from(rows, (r) => r[1]);
          const include = Uint8Array.from(rows, (r) => (r[2] ? 1 : 0));
          const tieBreak = withTieBreak
            ? (a: number, b: number): number => secondary[a]! - secondary[b]!
            : undefined;
          const order = sortedIndexes(values, include, tieBreak);
          expect(Array.from(order)).toEqual(
            expected(values, include, withTieBreak ? secondary : undefined),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles long runs of near-equal and equal values, and wide whole-number ranges', () => {
    const n = 5000;
    const all = new Uint8Array(n).fill(1);
    const near = Float64Array.from({ length: n }, (_, i) => 1_000_000 + ((i * 7919) % n) * 1e-9);
    const tied = Float64Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0.5));
    const wide = Float64Array.from({ length: n }, (_, i) => ((i * 104_729) % n) * 1_000_003);
    for (const values of [near, tied, wide]) {
      expect(Array.from(sortedIndexes(values, all))).toEqual(expected(values, all));
    }
  });

  it('returns nothing or the lone index for empty and single inputs', () => {
    expect(Array.from(sortedIndexes(new Float64Array(0), null))).toEqual([]);
    expect(Array.from(sortedIndexes(Float64Array.of(NaN, 3), null))).toEqual([1]);
  });
});
