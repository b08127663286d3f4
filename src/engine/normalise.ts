import type { Normalisation } from './model';
import { sortIndexes } from './sort-indexes';

/**
 * Maps a metric column to 0–1 ("how good, compared with the others"). NaN (no data)
 * stays NaN. `include[i] === 0` leaves client i out of the reference group (archived
 * clients are not scored and must not move anyone else's score).
 *
 * - percentile: mid-rank percentile among clients with data,
 *   (below + (equal − 1) / 2) / (n − 1): the lowest value maps to 0, the highest to 1,
 *   tied values share the middle of their ranks, one client (or all equal) maps to 0.5.
 *   An outlier moves nobody else's score by more than one rank.
 * - minmax: (x − min) / (max − min) over the group; 0.5 when all are equal.
 * - fixed: (x − min) / (max − min) over the stated scale, clamped to 0–1.
 */
export function normalise(
  values: Float64Array,
  normalisation: Normalisation,
  include: Uint8Array,
): Float64Array {
  switch (normalisation.kind) {
    case 'percentile':
      return percentileRanks(values, include);
    case 'minmax':
      return minMax(values, include);
    case 'fixed':
      return fixedRange(values, normalisation.min, normalisation.max);
  }
}

export function percentileRanks(values: Float64Array, include: Uint8Array): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  const present: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    if (include[i] && !Number.isNaN(values[i]!)) present.push(i);
  }
  const index = Int32Array.from(present);
  sortIndexes(index, [values]);
  const span = index.length - 1;
  // Walk runs of equal values: a run from sorted position i to j − 1 shares the mid rank.
  for (let i = 0; i < index.length;) {
    const x = values[index[i]!]!;
    let j = i + 1;
    while (j < index.length && values[index[j]!] === x) j += 1;
    const p = span === 0 ? 0.5 : (i + (j - i - 1) / 2) / span;
    for (let k = i; k < j; k += 1) out[index[k]!] = p;
    i = j;
  }
  return out;
}

function minMax(values: Float64Array, include: Uint8Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    if (!include[i] || Number.isNaN(x)) continue;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const out = new Float64Array(values.length).fill(NaN);
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    if (!include[i] || Number.isNaN(x)) continue;
    out[i] = max > min ? (x - min) / (max - min) : 0.5;
  }
  return out;
}

function fixedRange(values: Float64Array, min: number, max: number): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const x = values[i]!;
    out[i] = Number.isNaN(x) ? NaN : Math.min(1, Math.max(0, (x - min) / (max - min)));
  }
  return out;
}
