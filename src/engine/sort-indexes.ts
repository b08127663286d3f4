import { Scratch } from './scratch';

/** Breaks ties between two client indexes whose values are equal: < 0 puts `a` first. */
export type TieBreak = (a: number, b: number) => number;

/**
 * The indexes of the clients that have a value (`include[i]` set and not NaN), in
 * ascending order of value; equal values in `tieBreak` order, then by index (snapshot
 * clients are in id order, so that last step is "by id"). −0 sorts as 0.
 *
 * Scoring sorts a dozen columns of up to tens of thousands of clients per run, so this
 * avoids comparator calls for the bulk of the work:
 * - whole numbers in a modest range (days, counts) take a counting sort, O(n + range);
 * - other numbers take an LSD radix sort on the upper 32 bits of their IEEE-754 form
 *   (sign, exponent and 20 bits of mantissa, made unsigned-sortable), then each run
 *   that shares those bits is put in exact order by a comparison sort. Runs are short
 *   or already sorted (exact ties arrive in index order) unless values agree to six
 *   significant digits, and even then the cost is that of the comparison sort.
 */
export function sortedIndexes(
  values: Float64Array,
  include: Uint8Array | null,
  tieBreak?: TieBreak,
): Int32Array {
  const n = values.length;
  const present = new Int32Array(n);
  let m = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < n; i += 1) {
    const x = values[i]!;
    if ((include !== null && !include[i]) || Number.isNaN(x)) continue;
    present[m] = i;
    m += 1;
    if (x < min) min = x;
    if (x > max) max = x;
    if (whole && !Number.isInteger(x)) whole = false;
  }
  const order = present.subarray(0, m);
  if (m < 2) return order;
  const range = max - min;
  let sortedBy: Uint32Array | null;
  if (whole && range < Math.max(COUNTING_RANGE, 4 * m)) {
    countingSort(order, values, min, range);
    sortedBy = null; // equal keys are equal values
  } else {
    sortedBy = upperBitsRadixSort(order, values);
  }
  if (sortedBy !== null || tieBreak !== undefined) refineRuns(order, values, sortedBy, tieBreak);
  return order;
}

/** Working buffers of the sorts (see Scratch). */
const keyScratch = new Scratch((n) => new Uint32Array(n));
const swapKeyScratch = new Scratch((n) => new Uint32Array(n));
const swapScratch = new Scratch((n) => new Int32Array(n));
const inputScratch = new Scratch((n) => new Int32Array(n));
const sortedValueScratch = new Scratch((n) => new Float64Array(n));

/** Ranges up to this many whole numbers always take the counting sort. */
const COUNTING_RANGE = 1 << 16;
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;
const DIGIT_MASK = DIGITS - 1;
/** An 11-bit digit sort with insertion below this size would not pay for its counts. */
const INSERTION_RUN = 24;

/** Stable counting sort of whole numbers in [min, min + range]; `order` ascends on entry. */
function countingSort(order: Int32Array, values: Float64Array, min: number, range: number): void {
  const counts = new Int32Array(range + 2);
  for (const i of order) counts[values[i]! - min + 1]! += 1;
  for (let d = 1; d < counts.length; d += 1) counts[d]! += counts[d - 1]!;
  const input = inputScratch.take(order.length);
  input.set(order);
  for (const i of input) {
    const slot = values[i]! - min;
    order[counts[slot]!] = i;
    counts[slot]! += 1;
  }
}

/**
 * Stable LSD radix sort by the upper 32 bits, three 11-bit digits, moving each key with
 * its index (reads in sequence, rather than looking a key up per move). Returns the keys
 * in the sorted order, so the caller can find the runs that share them.
 */
function upperBitsRadixSort(order: Int32Array, values: Float64Array): Uint32Array {
  const m = order.length;
  const words = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const counts = new Int32Array(DIGITS * 3);
  let keys = keyScratch.take(m);
  let swapKeys = swapKeyScratch.take(m);
  for (let k = 0; k < m; k += 1) {
    const i = order[k]!;
    // Little-endian: word 2i + 1 holds sign, exponent and the top of the mantissa.
    const high = values[i] === 0 ? 0 : words[2 * i + 1]!; // −0 is 0
    // Flip so that unsigned order is numeric order: negatives reversed (all bits), positives
    // above them (the sign bit), without a branch on the sign.
    const key = (high ^ ((high >> 31) | 0x80000000)) >>> 0;
    keys[k] = key;
    counts[key & DIGIT_MASK]! += 1;
    counts[DIGITS + ((key >>> DIGIT_BITS) & DIGIT_MASK)]! += 1;
    counts[2 * DIGITS + (key >>> (2 * DIGIT_BITS))]! += 1;
  }
  let from: Int32Array = order;
  let to: Int32Array = swapScratch.take(m);
  for (let pass = 0; pass < 3; pass += 1) {
    const shift = pass * DIGIT_BITS;
    const base = pass * DIGITS;
    if (counts[base + ((keys[0]! >>> shift) & DIGIT_MASK)] === m) continue; // one digit
    let total = 0;
    for (let d = base; d < base + DIGITS; d += 1) {
      const count = counts[d]!;
      counts[d] = total;
      total += count;
    }
    for (let k = 0; k < m; k += 1) {
      const key = keys[k]!;
      const digit = base + ((key >>> shift) & DIGIT_MASK);
      const at = counts[digit]!;
      to[at] = from[k]!;
      swapKeys[at] = key;
      counts[digit] = at + 1;
    }
    [from, to] = [to, from];
    [keys, swapKeys] = [swapKeys, keys];
  }
  if (from !== order) order.set(from);
  return keys;
}

/**
 * Puts each run of entries that share a sort key (`sortedKeys`, the upper bits in sort
 * order; or the value itself when null) in exact order: value, then `tieBreak`, then
 * index. A run is first checked without a comparator: the usual case, exact ties arriving
 * in index order, costs one pass over the run.
 */
function refineRuns(
  order: Int32Array,
  values: Float64Array,
  sortedKeys: Uint32Array | null,
  tieBreak: TieBreak | undefined,
): void {
  const m = order.length;
  let keys: Uint32Array | Float64Array;
  if (sortedKeys !== null) keys = sortedKeys;
  else {
    const sortedValues = sortedValueScratch.take(m);
    for (let k = 0; k < m; k += 1) sortedValues[k] = values[order[k]!]!;
    keys = sortedValues;
  }
  const compare = (a: number, b: number): number => {
    const x = values[a]!;
    const y = values[b]!;
    if (x !== y) return x < y ? -1 : 1;
    return (tieBreak?.(a, b) ?? 0) || a - b;
  };
  for (let start = 0; start < m;) {
    const key = keys[start]!;
    let end = start + 1;
    while (end < m && keys[end] === key) end += 1;
    if (end - start > 1 && !inOrder(order, values, start, end, tieBreak !== undefined)) {
      sortRun(order, start, end, compare);
    }
    start = end;
  }
}

/**
 * Whether a run is already in exact order, without a comparator: values ascending, equal
 * values in index order. With a tie-break, any equal values make it "maybe not".
 */
function inOrder(
  order: Int32Array,
  values: Float64Array,
  start: number,
  end: number,
  tieBreak: boolean,
): boolean {
  let x = values[order[start]!]!;
  for (let k = start + 1; k < end; k += 1) {
    const y = values[order[k]!]!;
    if (x > y || (x === y && (tieBreak || order[k - 1]! > order[k]!))) return false;
    x = y;
  }
  return true;
}

function sortRun(
  order: Int32Array,
  start: number,
  end: number,
  compare: (a: number, b: number) => number,
): void {
  if (end - start > INSERTION_RUN) {
    order.subarray(start, end).sort(compare);
    return;
  }
  for (let k = start + 1; k < end; k += 1) {
    const item = order[k]!;
    let j = k;
    while (j > start && compare(order[j - 1]!, item) > 0) {
      order[j] = order[j - 1]!;
      j -= 1;
    }
    order[j] = item;
  }
}
