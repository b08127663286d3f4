/**
 * Identical rows, counted once with a weight. In a client base many clients share a
 * history (every one-time buyer of the same day, for a start), so the likelihoods are
 * evaluated over far fewer rows than clients. The rows come out in ascending order of
 * their columns, the first column first: the sums over them, and so the fits, are the
 * same whatever order the clients came in.
 */
export interface GroupedRows {
  /** One array per input column, one entry per distinct row. */
  columns: Float64Array[];
  /** How many input rows each distinct row stands for. */
  weight: Float64Array;
}

/**
 * Groups the rows `i` with `include(i)` true of the given equal-length columns. Values
 * compare with `<`, so −0 and 0 are one value; NaN must be excluded by `include`.
 */
export function groupRows(
  columns: readonly ArrayLike<number>[],
  length: number,
  include: (i: number) => boolean,
): GroupedRows {
  const order: number[] = [];
  for (let i = 0; i < length; i += 1) if (include(i)) order.push(i);
  const compare = (i: number, j: number): number => {
    for (const column of columns) {
      const u = column[i]!;
      const v = column[j]!;
      if (u < v) return -1;
      if (u > v) return 1;
    }
    return 0;
  };
  order.sort(compare);
  const starts: number[] = [];
  for (let k = 0; k < order.length; k += 1) {
    if (k === 0 || compare(order[k - 1]!, order[k]!) !== 0) starts.push(k);
  }
  const distinct = starts.length;
  const weight = new Float64Array(distinct);
  const grouped = columns.map(() => new Float64Array(distinct));
  starts.forEach((start, g) => {
    const end = g + 1 < distinct ? starts[g + 1]! : order.length;
    weight[g] = end - start;
    columns.forEach((column, c) => (grouped[c]![g] = column[order[start]!]!));
  });
  return { columns: grouped, weight };
}
