import { describe, expect, it } from 'vitest';
import {
  CLEAR_STRUCTURE,
  DEFAULT_SEGMENT_FEATURES,
  METRIC_KEYS,
  segmentClients,
  stableOrder,
  type MetricColumns,
} from '$engine/index';
import { createRandom } from '$lib/random';
import { adjustedRandIndex } from './adjusted-rand';

/** Metric columns for `n` clients with three planted groups on the default features. */
function plantedBase(n: number, seed: number): { metrics: MetricColumns; truth: Int32Array } {
  const random = createRandom(seed);
  const metrics = Object.fromEntries(
    METRIC_KEYS.map((key) => [key, new Float64Array(n).fill(NaN)]),
  ) as MetricColumns; // every key filled just above
  const truth = new Int32Array(n);
  // Group 0: recent, frequent big spenders; 1: lapsing small spenders; 2: unhappy middle.
  const groups = [
    { recency: 20, frequency: 12, money: 20000, margin: 0.5, satisfaction: 85 },
    { recency: 600, frequency: 2, money: 300, margin: 0.3, satisfaction: 70 },
    { recency: 150, frequency: 5, money: 3000, margin: 0.1, satisfaction: 25 },
  ];
  for (let c = 0; c < n; c += 1) {
    const g = c % 3;
    const group = groups[g]!;
    truth[c] = g;
    const jitter = (x: number, share: number): number => x * (1 + share * random.normal());
    metrics.recencyDays[c] = Math.max(0, jitter(group.recency, 0.15));
    metrics.frequency[c] = Math.max(1, Math.round(jitter(group.frequency, 0.15)));
    metrics.monetaryTotal[c] = jitter(group.money, 0.2);
    metrics.margin[c] = jitter(group.margin, 0.1);
    // One client in twenty never answered: their satisfaction is missing (NaN).
    metrics.satisfaction[c] = random.chance(0.05) ? NaN : jitter(group.satisfaction, 0.1);
  }
  return { metrics, truth };
}

const everyone = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

describe('segmentClients', () => {
  const { metrics, truth } = plantedBase(600, 5);
  const input = {
    metrics,
    clients: everyone(600),
    features: DEFAULT_SEGMENT_FEATURES,
    k: null,
    seed: 1,
  };
  const result = segmentClients(input)!;

  it('finds the planted groups and picks their number by the silhouette', () => {
    expect(result.k).toBe(3);
    expect(result.chosenBy).toBe('silhouette');
    expect(result.curve.map((point) => point.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(adjustedRandIndex(result.labels, truth)).toBeGreaterThan(0.9);
    expect(result.clearStructure).toBe(true);
    expect(result.silhouette).toBe(Math.max(...result.curve.map((point) => point.silhouette)));
  });

  it('profiles each cluster and names it from the features far from the base', () => {
    expect(result.profiles.reduce((sum, p) => sum + p.size, 0)).toBe(600);
    const spenders = result.profiles.find((p) => p.means[2]! > 10000)!;
    expect(spenders.traits.length).toBeGreaterThan(0);
    expect(spenders.traits.every((t) => Math.abs(t.z) >= 0.5)).toBe(true);
    const lapsing = result.profiles.find((p) => p.means[0]! > 400)!;
    expect(lapsing.traits).toContainEqual(
      expect.objectContaining({ feature: 'recencyDays', high: true }),
    );
    // Means are in the features' own units (days), against the base's.
    expect(result.baseMeans[0]).toBeGreaterThan(200);
    expect(result.baseMeans[0]).toBeLessThan(300);
  });

  it('gives the same result for the same seed', () => {
    const again = segmentClients(input)!;
    expect(again.labels).toEqual(result.labels);
    expect(again.curve).toEqual(result.curve);
    expect(again.coordinates).toEqual(result.coordinates);
  });

  it('keeps the cluster numbers of the previous run', () => {
    // Another seed numbers the clusters its own way; matched to the first run they agree.
    const fresh = segmentClients({ ...input, seed: 99 })!;
    const matched = segmentClients({ ...input, seed: 99, previous: result.centroids })!;
    expect(adjustedRandIndex(fresh.labels, result.labels)).toBeGreaterThan(0.99);
    const agree = matched.labels.filter((c, i) => c === result.labels[i]).length;
    expect(agree / 600).toBeGreaterThan(0.99);
    // The previous run's centres are ignored when the features differ.
    const other = segmentClients({
      ...input,
      features: ['recencyDays', 'frequency'],
      previous: result.centroids,
    });
    expect(other).not.toBeNull();
  });

  it('takes a k set by hand', () => {
    const four = segmentClients({ ...input, k: 4 })!;
    expect(four.k).toBe(4);
    expect(four.chosenBy).toBe('manual');
    expect(new Set(four.labels).size).toBe(4);
  });

  it('says when the data has no clear structure', () => {
    const random = createRandom(8);
    const noise = plantedBase(400, 1).metrics;
    for (const key of DEFAULT_SEGMENT_FEATURES)
      noise[key].forEach((_, i, column) => (column[i] = random.normal()));
    const flat = segmentClients({ ...input, metrics: noise, clients: everyone(400) })!;
    expect(Math.max(...flat.curve.map((p) => p.silhouette))).toBeLessThan(CLEAR_STRUCTURE);
    expect(flat.clearStructure).toBe(false);
  });

  it('needs three clients', () => {
    expect(segmentClients({ ...input, clients: everyone(2) })).toBeNull();
  });
});

describe('stableOrder', () => {
  it('numbers each new centre after the nearest previous one', () => {
    const previous = Float64Array.of(0, 0, 10, 0, 0, 10);
    const centroids = Float64Array.of(0.5, 9, 9.5, 0.2, 0.1, 0.1);
    expect([...stableOrder(centroids, previous, 2)]).toEqual([2, 1, 0]);
  });

  it('gives an extra cluster a free number, and keeps the order without a previous run', () => {
    const previous = Float64Array.of(0, 0, 10, 0);
    const centroids = Float64Array.of(10, 1, 5, 5, 0, 1);
    expect([...stableOrder(centroids, previous, 2)]).toEqual([1, 2, 0]);
    expect([...stableOrder(centroids, null, 2)]).toEqual([0, 1, 2]);
  });
});
