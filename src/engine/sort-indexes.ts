/**
 * Sorts client indexes in place, ascending by `keys[0]`, then `keys[1]`, …; entries with
 * equal keys keep their input order (callers pass indexes ascending, and snapshot clients
 * are in id order, so that last step is "by id").
 *
 * An LSD radix sort over the keys' IEEE-754 bits: stable, so sorting by the last key
 * first and the first key last gives the lexicographic order, with no comparator calls
 * and no allocation per element. Keys must not be NaN (callers map "no data" first).
 */
export function sortIndexes(index: Int32Array, keys: readonly Float64Array[]): void {
  const n = index.length;
  if (n < 2) return;
  let order: Int32Array = index;
  let spare: Int32Array = new Int32Array(n);
  let high = new Uint32Array(n);
  let low = new Uint32Array(n);
  let spareHigh = new Uint32Array(n);
  let spareLow = new Uint32Array(n);
  const counts = new Int32Array(RADIX);
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);

  for (let k = keys.length - 1; k >= 0; k -= 1) {
    const key = keys[k]!;
    for (let i = 0; i < n; i += 1) {
      bits[0] = key[order[i]!]! + 0; // + 0 turns −0 into 0
      // Flip so that unsigned order is numeric order: negatives reversed, sign bit set
      // for positives.
      const negative = (words[1]! & 0x80000000) !== 0;
      high[i] = negative ? ~words[1]! >>> 0 : (words[1]! | 0x80000000) >>> 0;
      low[i] = negative ? ~words[0]! >>> 0 : words[0]!;
    }
    for (let pass = 0; pass < 4; pass += 1) {
      const source = pass < 2 ? low : high;
      const shift = pass % 2 === 0 ? 0 : 16;
      counts.fill(0);
      for (let i = 0; i < n; i += 1) counts[(source[i]! >>> shift) & MASK]! += 1;
      if (counts[(source[0]! >>> shift) & MASK] === n) continue; // every digit equal
      let total = 0;
      for (let d = 0; d < RADIX; d += 1) {
        const count = counts[d]!;
        counts[d] = total;
        total += count;
      }
      for (let i = 0; i < n; i += 1) {
        const target = counts[(source[i]! >>> shift) & MASK]!++;
        spare[target] = order[i]!;
        spareHigh[target] = high[i]!;
        spareLow[target] = low[i]!;
      }
      [order, spare] = [spare, order];
      [high, spareHigh] = [spareHigh, high];
      [low, spareLow] = [spareLow, low];
    }
  }
  if (order !== index) index.set(order);
}

const RADIX = 1 << 16;
const MASK = RADIX - 1;
