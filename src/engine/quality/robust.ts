/** Robust statistics: centre and spread that a few wild values do not drag. */

/** The median of `values` (NaN when empty); `values` is not changed. */
export function median(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median (not scaled); NaN when empty. */
export function medianAbsoluteDeviation(
  values: ArrayLike<number>,
  centre = median(values),
): number {
  return median(Float64Array.from(values, (v) => Math.abs(v - centre)));
}

/** Centre and spread of a sample, for `modifiedZ`. */
export interface RobustScale {
  median: number;
  mad: number;
  count: number;
}

export function robustScale(values: ArrayLike<number>): RobustScale {
  const centre = median(values);
  return { median: centre, mad: medianAbsoluteDeviation(values, centre), count: values.length };
}

/**
 * Iglewicz and Hoaglin's modified z-score, 0.6745 × (x − median) ÷ MAD: about a normal
 * z-score for normal data, but unmoved by the outliers it is looking for. ±Infinity when
 * the MAD is 0 and x is not the median (every other value equal), 0 when it is.
 */
export function modifiedZ(x: number, scale: RobustScale): number {
  const distance = x - scale.median;
  if (scale.mad === 0) return distance === 0 ? 0 : distance > 0 ? Infinity : -Infinity;
  return (0.6745 * distance) / scale.mad;
}
