import { DIMENSION_KEYS, type DimensionKey, type MetricKey, type ScoringDefinition } from './model';
import type { MetricColumns } from './features';
import { normalise } from './normalise';
import { Scratch } from './scratch';

/** The normalised metric values of a run, 64-bit, before they are summed (see Scratch). */
const slotValueScratch = new Scratch((n) => new Float64Array(n));

/** One weighted metric of the model, in model order: the columns of the explanation. */
export interface MetricSlot {
  dimension: DimensionKey;
  metric: MetricKey;
  /** The metric's weight within its dimension. */
  weight: number;
}

/** What it takes to explain any client's score, metric by metric (see `contribution`). */
export interface Explanation {
  slots: MetricSlot[];
  /**
   * slots × clients (slot j of client c at `j * clients + c`): each metric's normalised
   * value, 0–1 with its direction applied, NaN where the client has no data for it.
   * 32-bit: it is for display, and halves the largest buffer of a run.
   */
  normalised: Float32Array;
  /**
   * dimensions × clients (dimension d of client c at `d * clients + c`): the composite
   * points one unit of weight × normalised value adds, i.e. 100 × the dimension's share
   * of the composite over the weights of the metrics the client has data for in it.
   */
  pointsPerUnit: Float32Array;
}

export interface CompositeScores extends Explanation {
  /** 0–100 per client; NaN when the dimension has no data for that client. */
  dimensions: Record<DimensionKey, Float64Array>;
  /** 0–100 per client (0 when no dimension has data, which no real client lacks). */
  composite: Float64Array;
}

/**
 * The points (0–100 scale) metric slot `j` adds to client `c`'s composite, NaN when the
 * client has no data for it. A client's contributions add up to its composite (to 32-bit
 * precision): this is the "why" of a score, computed on demand for the client shown
 * rather than for every client on every run.
 */
export function contribution(explanation: Explanation, j: number, c: number): number {
  const clients = explanation.pointsPerUnit.length / DIMENSION_KEYS.length;
  const slot = explanation.slots[j]!;
  const d = DIMENSION_KEYS.indexOf(slot.dimension);
  return (
    explanation.pointsPerUnit[d * clients + c]! *
    slot.weight *
    explanation.normalised[j * clients + c]!
  );
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
  /** Columns the caller has already sorted (see `percentileRanks`), by metric. */
  sorted: Partial<Record<MetricKey, Int32Array>> = {},
): CompositeScores {
  const n = include.length;
  const dims = DIMENSION_KEYS.length;
  const specs = DIMENSION_KEYS.flatMap((dimension, d) =>
    definition.dimensions[dimension].weight <= 0
      ? [] // adds nothing to any score
      : definition.dimensions[dimension].metrics
          .filter((spec) => spec.weight > 0)
          .map((spec) => ({ ...spec, dimension, d })),
  );
  const slots: MetricSlot[] = specs.map(({ dimension, metric, weight }) => ({
    dimension,
    metric,
    weight,
  }));
  const dimensionWeights = DIMENSION_KEYS.map((k) => definition.dimensions[k].weight);
  // Each metric normalised, its direction applied, into a reused 64-bit buffer (slot j of
  // client c at `j * n + c`) and kept, 32-bit, for explanations. Clients left out get NaN
  // from normalise, so NaN alone marks "no data" from here on.
  const values = slotValueScratch.take(specs.length * n);
  const normalised = new Float32Array(n * specs.length);
  specs.forEach((spec, j) => {
    const column = values.subarray(j * n, (j + 1) * n);
    normalise(metrics[spec.metric], spec.normalisation, include, column, sorted[spec.metric]);
    if (spec.direction === 'lower') for (let c = 0; c < n; c += 1) column[c] = 1 - column[c]!;
    normalised.set(column, j * n);
  });
  // Slots come grouped by dimension, in DIMENSION_KEYS order: dimension d owns slots
  // firstSlot[d] up to firstSlot[d + 1].
  const firstSlot = new Int32Array(dims + 1);
  for (const spec of specs) firstSlot[spec.d + 1]! += 1;
  for (let d = 0; d < dims; d += 1) firstSlot[d + 1]! += firstSlot[d]!;
  const slotWeights = Float64Array.from(specs, (spec) => spec.weight);
  const dimensionColumns = DIMENSION_KEYS.map(() => new Float64Array(n));
  const composite = new Float64Array(n);
  const pointsPerUnit = new Float32Array(dims * n);
  const weightSums = new Float64Array(dims);
  // Client by client, so each client's sums stay in registers rather than in columns
  // written once per metric.
  for (let c = 0; c < n; c += 1) {
    let presentWeight = 0;
    for (let d = 0; d < dims; d += 1) {
      // Σ wᵢxᵢ and Σ wᵢ over the metrics with data; the score is NaN (0 / 0) without any.
      let sum = 0;
      let weightSum = 0;
      for (let j = firstSlot[d]!; j < firstSlot[d + 1]!; j += 1) {
        const x = values[j * n + c]!;
        if (Number.isNaN(x)) continue;
        sum += slotWeights[j]! * x;
        weightSum += slotWeights[j]!;
      }
      dimensionColumns[d]![c] = (100 * sum) / weightSum;
      weightSums[d] = weightSum;
      if (weightSum > 0) presentWeight += dimensionWeights[d]!;
    }
    if (!include[c] || presentWeight === 0) continue;
    let total = 0;
    for (let d = 0; d < dims; d += 1) {
      const w = weightSums[d]!;
      if (w === 0) continue;
      const dimensionShare = dimensionWeights[d]! / presentWeight;
      total += dimensionShare * dimensionColumns[d]![c]!;
      pointsPerUnit[d * n + c] = (100 * dimensionShare) / w;
    }
    composite[c] = total;
  }
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((k, d) => [k, dimensionColumns[d]!]),
  ) as Record<DimensionKey, Float64Array>; // one entry per dimension key
  return { slots, dimensions, composite, normalised, pointsPerUnit };
}
