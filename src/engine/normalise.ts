import type { Normalisation } from './model';
import { Scratch } from './scratch';
import { sortedIndexes } from './sort-indexes';

const sortedScratch = new Scratch((n) => new Float64Array(n));

/**
 * Maps a metric column to 0–1 ("how good, compared with the others"). NaN (no data)
 * stays NaN. `include[i] === 0` leaves client i out of the reference group (archived
 * clients are not scored and must not move anyone else's score) and gives it NaN.
 *
 * - percentile: mid-rank percentile among clients with data,
 *   (below + (equal − 1) / 2) / (n − 1), except that the lowest value maps to 0 and the
 *   highest to 1 however many clients share them; other tied values share the middle of
 *   their ranks; one client (or all equal) maps to 0.5.
 *   An outlier moves nobody else's score by more than one rank.
 * - minmax: (x − min) / (max − min) over the group; 0.5 when all are equal.
 * - fixed: (x − min) / (max − min) over the stated scale, clamped to 0–1.
 *
 * Writes into `out` when given (scoring fills one large buffer column by column).
 */
export function normalise(
  values: Float64Array,
  normalisation: Normalisation,
  include: Uint8Array,
  out = new Float64Array(values.length),
  ascending?: Int32Array,
): Float64Array {
  switch (normalisation.kind) {
    case 'percentile':
      return percentileRanks(values, include, out, ascending);
    case 'minmax':
      return minMax(values, include, out);
    case 'fixed':
      return fixedRange(values, normalisation.min, normalisation.max, include, out);
  }
}

/**
 * @param ascending the included clients with a value, already in ascending order (as
 *   `sortedIndexes(values, include)` gives them), when the caller has sorted this column
 *   for another purpose: saves the sort.
 */
export function percentileRanks(
  values: Float64Array,
  include: Uint8Array,
  out = new Float64Array(values.length),
  ascending?: Int32Array,
): Float64Array {
  out.fill(NaN);
  if (ascending) {
    rankInOrder(values, ascending, ascending.length - 1, out);
    return out;
  }
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let whole = true;
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    if (!include[i] || Number.isNaN(x)) continue;
    count += 1;
    if (x < min) min = x;
    if (x > max) max = x;
    if (whole && !Number.isInteger(x)) whole = false;
  }
  if (count === 0) return out;
  // Mid ranks 0 … n − 1 map to 0–1; one client (or one value) sits in the middle.
  const span = count - 1;
  if (whole && max - min <= COUNTED_RANGE) {
    wholeNumberRanks(values, include, min, max - min, span, out);
  } else {
    rankInOrder(values, sortedIndexes(values, include), span, out);
  }
  return out;
}

/** Whole numbers (days, counts) in a range up to this wide are ranked by counting. */
const COUNTED_RANGE = 1 << 18;

/**
 * Percentiles of whole numbers by counting, no sort: the values below v are the running
 * count up to v − 1, and the equal ones the count at v.
 */
function wholeNumberRanks(
  values: Float64Array,
  include: Uint8Array,
  min: number,
  range: number,
  span: number,
  out: Float64Array,
): void {
  const counts = new Float64Array(range + 1);
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    if (include[i] && !Number.isNaN(x)) counts[x - min]! += 1;
  }
  // Turn each count into its value's percentile: (below + (equal − 1) / 2) / span, except
  // that the lowest value is 0 and the highest 1 however many share them.
  let below = 0;
  const total = span + 1;
  for (let v = 0; v <= range; v += 1) {
    const equal = counts[v]!;
    if (equal === total) counts[v] = 0.5;
    else if (below === 0) counts[v] = 0;
    else if (below + equal === total) counts[v] = 1;
    else counts[v] = (below + (equal - 1) / 2) / span;
    below += equal;
  }
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    if (include[i] && !Number.isNaN(x)) out[i] = counts[x - min]!;
  }
}

/**
 * Percentiles from the clients in ascending order: a run of equal values shares the middle
 * of its positions.
 */
function rankInOrder(
  values: Float64Array,
  index: Int32Array,
  span: number,
  out: Float64Array,
): void {
  const m = index.length;
  // Gathered into sort order once, so finding the runs of equal values reads in sequence.
  const sorted = sortedScratch.take(m);
  for (let k = 0; k < m; k += 1) sorted[k] = values[index[k]!]!;
  for (let i = 0; i < m;) {
    const x = sorted[i]!;
    let j = i + 1;
    while (j < m && sorted[j] === x) j += 1;
    // The lowest value is 0 and the highest 1, however many share them: a tie at nothing
    // (no referrals, no tenure) earns nothing. Runs in between share their middle rank.
    const p = i === 0 && j === m ? 0.5 : i === 0 ? 0 : j === m ? 1 : (i + (j - i - 1) / 2) / span;
    for (let k = i; k < j; k += 1) out[index[k]!] = p;
    i = j;
  }
}

function minMax(values: Float64Array, include: Uint8Array, out: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    if (!include[i] || Number.isNaN(x)) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  out.fill(NaN);
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    if (!include[i] || Number.isNaN(x)) continue;
    out[i] = max > min ? (x - min) / (max - min) : 0.5;
  }
  return out;
}

function fixedRange(
  values: Float64Array,
  min: number,
  max: number,
  include: Uint8Array,
  out: Float64Array,
): Float64Array {
  const span = max - min;
  const n = values.length;
  // Two plain loops: a clamp by `if`, then the left-out clients. Math.min/max, or a
  // NaN constant chosen inside the first loop, make V8's code several times slower.
  for (let i = 0; i < n; i += 1) {
    let y = (values[i]! - min) / span;
    if (y < 0) y = 0;
    if (y > 1) y = 1; // NaN (no data) passes both tests unchanged
    out[i] = y;
  }
  for (let i = 0; i < n; i += 1) if (!include[i]) out[i] = NaN;
  return out;
}
