import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortIndexes } from '$engine/sort-indexes';

describe('sortIndexes', () => {
  it('orders by each key in turn, ties in input order, like a stable comparator sort', () => {
    const value = fc.oneof(
      fc.integer({ min: -5, max: 5 }).map((x) => x / 2),
      fc.double({ noNaN: true, noDefaultInfinity: false }),
      fc.constantFrom(0, -0, Infinity, -Infinity, 1e-300, -1e-300),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 3 })
          .chain((keys) =>
            fc.array(fc.array(value, { minLength: keys, maxLength: keys }), { maxLength: 200 }),
          ),
        (rows) => {
          const width = rows[0]?.length ?? 1;
          const keys = Array.from({ length: width }, (_, k) =>
            Float64Array.from(rows, (r) => r[k]!),
          );
          const index = Int32Array.from(rows, (_, i) => i);
          sortIndexes(index, keys);
          const expected = rows
            .map((_, i) => i)
            .sort((a, b) => {
              for (const key of keys) if (key[a]! !== key[b]!) return key[a]! < key[b]! ? -1 : 1;
              return a - b;
            });
          expect(Array.from(index)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
