import { DIMENSION_KEYS, type DimensionKey, type MetricKey, type ScoringDefinition } from './model';
import type { MetricColumns } from './features';
import { normalise } from './normalise';

/** One weighted metric of the model, in model order: the columns of the explanation. */
export interface MetricSlot {
  dimension: DimensionKey;
  metric: MetricKey;
}

export interface CompositeScores {
  slots: MetricSlot[];
  /** 0–100 per client; NaN when the dimension has no data for that client. */
  dimensions: Record<DimensionKey, Float64Array>;
  /** 0–100 per client (0 when no dimension has data, which no real client lacks). */
  composite: Float64Array;
  /** slots × clients (slot j of client c at `j * clients + c`): each metric's normalised value (0–1, NaN = no data). */
  normalised: Float64Array;
  /**
   * slots × clients, like `normalised`: the points (0–100 scale) each metric adds to the composite. A client's
   * entries sum to the composite exactly: this is the "why" of a client's score.
   */
  contributions: Float64Array;
}

/**
 * Dimension scores and the composite.
 *
 * Missing data is left out, not counted as zero: a dimension score is the weighted mean
 * of the metrics the client has data for (the weights of the others are shared out in
 * proportion), and the composite is the weighted mean of the dimensions with data. So a
 * client who never answered a survey is scored on the loyalty evidence there is.
 */
export function scoreComposite(
  metrics: MetricColumns,
  definition: Pick<ScoringDefinition, 'dimensions'>,
  include: Uint8Array,
): CompositeScores {
  const n = include.length;
  const slots: MetricSlot[] = [];
  const columns: Float64Array[] = [];
  const weights: number[] = [];
  const slotDimension: number[] = [];
  DIMENSION_KEYS.forEach((dimension, d) => {
    if (definition.dimensions[dimension].weight <= 0) return; // adds nothing to any score
    for (const spec of definition.dimensions[dimension].metrics) {
      if (spec.weight <= 0) continue;
      const column = normalise(metrics[spec.metric], spec.normalisation, include);
      if (spec.direction === 'lower') {
        for (let c = 0; c < n; c += 1) column[c] = 1 - column[c]!;
      }
      slots.push({ dimension, metric: spec.metric });
      columns.push(column);
      weights.push(spec.weight);
      slotDimension.push(d);
    }
  });
  const s = slots.length;
  const dims = DIMENSION_KEYS.length;
  const dimensionWeights = DIMENSION_KEYS.map((k) => definition.dimensions[k].weight);
  // Column-major (slot by slot) so every inner loop walks contiguous memory.
  const normalised = new Float64Array(n * s);
  const sums = new Float64Array(n * dims);
  const weightSums = new Float64Array(n * dims);
  for (let j = 0; j < s; j += 1) {
    const column = columns[j]!;
    const weight = weights[j]!;
    const d = slotDimension[j]!;
    normalised.set(column, j * n);
    for (let c = 0; c < n; c += 1) {
      const x = column[c]!;
      if (Number.isNaN(x) || !include[c]) continue;
      sums[c * dims + d]! += weight * x;
      weightSums[c * dims + d]! += weight;
    }
  }
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((k) => [k, new Float64Array(n).fill(NaN)]),
  ) as Record<DimensionKey, Float64Array>; // every key is filled just above
  const composite = new Float64Array(n);
  // The share of the composite each dimension carries for a client: its weight over the
  // weights of the dimensions that client has data for.
  const share = new Float64Array(n * dims);
  for (let c = 0; c < n; c += 1) {
    if (!include[c]) continue;
    let presentWeight = 0;
    for (let d = 0; d < dims; d += 1) {
      if (weightSums[c * dims + d]! > 0) presentWeight += dimensionWeights[d]!;
    }
    let total = 0;
    for (let d = 0; d < dims; d += 1) {
      const w = weightSums[c * dims + d]!;
      if (w === 0) continue;
      const score = (100 * sums[c * dims + d]!) / w;
      dimensions[DIMENSION_KEYS[d]!][c] = score;
      share[c * dims + d] = presentWeight > 0 ? dimensionWeights[d]! / presentWeight : 0;
      total += share[c * dims + d]! * score;
    }
    composite[c] = total;
  }
  const contributions = new Float64Array(n * s).fill(NaN);
  for (let j = 0; j < s; j += 1) {
    const weight = weights[j]!;
    const d = slotDimension[j]!;
    for (let c = 0; c < n; c += 1) {
      const x = normalised[j * n + c]!;
      if (Number.isNaN(x) || !include[c]) continue;
      contributions[j * n + c] =
        (100 * share[c * dims + d]! * weight * x) / weightSums[c * dims + d]!;
    }
  }
  return { slots, dimensions, composite, normalised, contributions };
}
