/**
 * Cluster numbers that stay put from one run to the next: K-means numbers its clusters in
 * whatever order the seeding found them, so the same groups could come back as 3, 1, 2.
 * Each new cluster takes the number of the previous run's cluster whose centroid is
 * nearest, the matching chosen to minimise the summed distance over every one-to-one
 * assignment (exhaustively: k ≤ 8 makes at most 8! = 40,320 assignments, an exact
 * answer where the Hungarian method would be more code for nothing).
 *
 * Numbers 0 … k − 1 only: with more clusters than before the extra ones take the free
 * numbers, with fewer the clusters match among the previous numbers below k.
 */
export function stableOrder(
  centroids: Float64Array,
  previous: Float64Array | null,
  dims: number,
): Int32Array {
  const k = centroids.length / dims;
  const before = previous === null ? 0 : Math.min(k, previous.length / dims);
  const cost = (cluster: number, slot: number): number => {
    if (slot >= before || previous === null) return 0; // a new number: no distance to pay
    let sum = 0;
    for (let j = 0; j < dims; j += 1) {
      sum += (centroids[cluster * dims + j]! - previous[slot * dims + j]!) ** 2;
    }
    return Math.sqrt(sum);
  };
  const best = new Int32Array(k);
  for (let c = 0; c < k; c += 1) best[c] = c;
  if (before === 0) return best;
  let bestCost = Infinity;
  const current = new Int32Array(k);
  const used = new Uint8Array(k);
  const search = (cluster: number, spent: number): void => {
    if (spent >= bestCost) return;
    if (cluster === k) {
      bestCost = spent;
      best.set(current);
      return;
    }
    for (let slot = 0; slot < k; slot += 1) {
      if (used[slot]) continue;
      used[slot] = 1;
      current[cluster] = slot;
      search(cluster + 1, spent + cost(cluster, slot));
      used[slot] = 0;
    }
  };
  search(0, 0);
  return best;
}

/**
 * Clusters numbered by size, largest first (ties by lowest first point), for a first run
 * with nothing to match: number 0 is always the biggest group.
 */
export function sizeOrder(labels: Int32Array, k: number): Int32Array {
  const sizes = new Int32Array(k);
  const first = new Int32Array(k).fill(labels.length);
  labels.forEach((c, i) => {
    sizes[c] = sizes[c]! + 1;
    if (first[c] === labels.length) first[c] = i;
  });
  const byRank = Array.from({ length: k }, (_, c) => c).sort(
    (a, b) => sizes[b]! - sizes[a]! || first[a]! - first[b]!,
  );
  const order = new Int32Array(k);
  byRank.forEach((cluster, rank) => (order[cluster] = rank));
  return order;
}
