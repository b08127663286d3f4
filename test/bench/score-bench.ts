/**
 * `npm run bench`: scores the large generated base (50,000 clients, 1,000,000
 * transactions) in Node and compares it with a floor measured in the same run: one tight
 * pass over the transaction columns summing amounts per client, the least any scoring
 * must do; and times the lifetime-value fit (`clv_fit_ms`, MBG/NBD and Gamma-Gamma at
 * 50,000 clients), its backtest (`backtest_ms`) and MBG/NBD alone on the 23,570 customers
 * of the full CDNOW size (`mbg_fit_23570_ms`), and one evaluation of the 50,000 clients
 * built and packed (`evaluation_ms`, `evaluation_bytes`; `evaluations_36_mb` for three years
 * of monthly ones), and the Segments clustering of every client who has bought, k from 2
 * to 8 with the silhouette (`cluster_ms`). Prints medians; the last line is one JSON object.
 */
import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { LARGE_DATASET } from '$backup/sample/plan-dataset';
import { readFileSync } from 'node:fs';
import {
  SCORE_STAGES,
  backtestClv,
  fitMbgNbd,
  buildSnapshot,
  computeFeatures,
  dashboardSummary,
  DEFAULT_SEGMENT_FEATURES,
  segmentClients,
  computeClv,
  fitClvModels,
  rfmColumns,
  scoreClients,
  type ScoreStage,
  type Snapshot,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { evaluationFromScores } from '$worker/evaluation-from-scores';
import { packColumns } from '$worker/evaluation-pack';
import { toScoresRecord } from '$worker/scores-record';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';

const AS_OF = '2026-11-23';
const RUNS = 9;
/** Untimed runs first, so the timed ones measure optimised code, not the compiler. */
const WARM_UP_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function floor(snapshot: Snapshot): Float64Array {
  const { offsets, amount } = snapshot.transactions;
  const clients = snapshot.clients.ids.length;
  const sums = new Float64Array(clients);
  for (let c = 0; c < clients; c += 1) {
    let sum = 0;
    for (let k = offsets[c]!; k < offsets[c + 1]!; k += 1) sum += amount[k]!;
    sums[c] = sum;
  }
  return sums;
}

/**
 * Generates the base and packs it into a snapshot. The row objects die with this
 * function, as they do in the app (the worker keeps only the columns), so garbage
 * collection during the timed runs sees the heap the app would have.
 */
function largeSnapshot(): Snapshot {
  const generateStart = performance.now();
  const records = collectRecords(generateDataset({ ...LARGE_DATASET, asOf: AS_OF }));
  console.log(`generated in ${(performance.now() - generateStart).toFixed(0)} ms`);
  const buildStart = performance.now();
  const snapshot = buildSnapshot(records);
  console.log(`snapshot built in ${(performance.now() - buildStart).toFixed(0)} ms`);
  return snapshot;
}

const snapshot = largeSnapshot();
const asOfDay = toEpochDay(AS_OF);
// The generator's million row objects are garbage now (the app's worker never holds
// them): collect them before the warm-up runs (`--expose-gc`).
(globalThis as { gc?: () => void }).gc?.();
// The lifetime-value predictions feed the scores (P(active), 12-month value), as in the app.
const clv = computeClv(snapshot.transactions, { asOfDay, purchases: 'positive' });
const options = { asOfDay, pActive: clv.scores.pActive, clv12m: clv.scores.clv12m };
for (let run = 0; run < WARM_UP_RUNS; run += 1) {
  scoreClients(snapshot, DEFAULT_SCORING_DEFINITION, options);
  floor(snapshot);
}
const scoreTimes: number[] = [];
const floorTimes: number[] = [];
const stageTimes = new Map<ScoreStage, number[]>(SCORE_STAGES.map((s) => [s, []]));
let checksum = 0;
for (let run = 0; run < RUNS; run += 1) {
  floorTimes.push(time(() => (checksum += floor(snapshot)[0]!)));
  let current: { stage: ScoreStage; start: number } | null = null;
  const endStage = (): void => {
    if (current) stageTimes.get(current.stage)!.push(performance.now() - current.start);
  };
  scoreTimes.push(
    time(() => {
      const result = scoreClients(snapshot, DEFAULT_SCORING_DEFINITION, {
        ...options,
        onStage: (stage) => {
          endStage();
          current = { stage, start: performance.now() };
        },
      });
      endStage();
      checksum += result.composite[0]!;
    }),
  );
}
// The lifetime-value fit: purchase summaries, then BG/NBD and Gamma-Gamma with their priors.
const fitTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  fitTimes.push(
    time(() => {
      const summary = rfmColumns(snapshot.transactions, {
        asOfDay,
        unit: 'week',
        purchases: 'positive',
      });
      checksum += fitClvModels(summary, { unit: 'week' }).purchases.r;
    }),
  );
}
// The backtest the worker runs with each refit: a fit on the history to six months ago,
// predictions for the six months since, compared with what happened.
const backtestTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  backtestTimes.push(
    time(() => {
      checksum += backtestClv(snapshot.transactions, { asOfDay, unit: 'week' })?.clients ?? 0;
    }),
  );
}
// MBG/NBD alone on the full CDNOW size, 23,570 customers (the 2,357 of the sample, ten
// times), to compare with scipy fitting `lifetimes`' ModifiedBetaGeoFitter on the same rows.
const cdnow = readFileSync(
  new URL('../test/fixtures/cdnow/cdnow_customers_summary.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',').map(Number));
const cdnowRows = Array.from({ length: 10 }, () => cdnow).flat();
const mbgTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  mbgTimes.push(
    time(() => {
      checksum += fitMbgNbd(
        cdnowRows.map(([, frequency, recency, T]) => ({
          frequency: frequency!,
          recency: recency!,
          T: T!,
        })),
      ).r;
    }),
  );
}
// The dashboard's figures (what the worker computes when a new scores record lands).
const scored = scoreClients(snapshot, DEFAULT_SCORING_DEFINITION, options);
const dashboardTimes: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  dashboardTimes.push(
    time(() => {
      const summary = dashboardSummary(
        snapshot,
        { ...scored, ...clv.scores },
        {
          asOfDay,
          tiers: DEFAULT_SCORING_DEFINITION.tiers.levels.length,
          concentrationThreshold: 0.3,
        },
      );
      checksum += summary.revenue12m;
    }),
  );
}
console.log(`dashboard summary runs (ms): ${dashboardTimes.map((t) => t.toFixed(1)).join(' ')}`);
// An evaluation of the scores: what the worker builds and packs before writing it (the
// write itself is one IndexedDB put of these bytes and a small meta record).
const stamp = '2026-11-23T12:00:00.000Z';
const model = {
  id: 'default',
  name: 'Default',
  active: true,
  definition: DEFAULT_SCORING_DEFINITION,
  createdAt: stamp,
  updatedAt: stamp,
};
const scoresRecord = toScoresRecord(scored, clv, model, {
  asOf: AS_OF,
  seq: 1,
  durationMs: 0,
  now: new Date(stamp),
});
const evaluationTimes: number[] = [];
let evaluationBytes = 0;
for (let run = 0; run < RUNS; run += 1) {
  evaluationTimes.push(
    time(() => {
      const evaluation = evaluationFromScores(scoresRecord, model, undefined, {
        id: `e${run}`,
        takenAt: stamp,
        trigger: 'scheduled',
        label: '',
      });
      const packed = packColumns(evaluation.columns);
      const meta = JSON.stringify({ ...evaluation, columns: undefined });
      evaluationBytes = packed.byteLength + meta.length;
    }),
  );
}
console.log(`evaluation runs (ms): ${evaluationTimes.map((t) => t.toFixed(1)).join(' ')}`);
// Segments: every client who has bought clustered on the default measures, k from 2 to 8
// with the sampled silhouette of each, the best kept, profiles and PCA (what the worker
// runs for the Segments view, after measuring the clients).
const measured = computeFeatures(snapshot, {
  asOfDay,
  definition: DEFAULT_SCORING_DEFINITION,
  clv12m: clv.scores.clv12m,
});
const buyers = Int32Array.from(
  measured.facts.purchaseDays.reduce<number[]>((rows, days, c) => {
    if (days > 0 && scoresRecord.scored[c] === 1) rows.push(c);
    return rows;
  }, []),
);
const CLUSTER_RUNS = 5;
const clusterTimes: number[] = [];
let clusterK = 0;
let clusterSilhouette = 0;
for (let run = 0; run < CLUSTER_RUNS; run += 1) {
  clusterTimes.push(
    time(() => {
      const segmentation = segmentClients({
        metrics: measured.metrics,
        clients: buyers,
        features: DEFAULT_SEGMENT_FEATURES,
        k: null,
        seed: 20,
      })!;
      clusterK = segmentation.k;
      clusterSilhouette = segmentation.silhouette;
    }),
  );
}
console.log(
  `cluster runs, ${buyers.length} clients (ms): ${clusterTimes.map((t) => t.toFixed(0)).join(' ')}; k ${clusterK}, silhouette ${clusterSilhouette.toFixed(3)}`,
);
const scoreMs = median(scoreTimes);
const floorMs = median(floorTimes);
console.log(`lifetime-value fit runs (ms): ${fitTimes.map((t) => t.toFixed(1)).join(' ')}`);
console.log(`backtest runs (ms): ${backtestTimes.map((t) => t.toFixed(1)).join(' ')}`);
console.log(`MBG/NBD fit, 23,570 customers (ms): ${mbgTimes.map((t) => t.toFixed(1)).join(' ')}`);
console.log(`score runs (ms): ${scoreTimes.map((t) => t.toFixed(1)).join(' ')}`);
console.log(
  `stages, median ms: ${SCORE_STAGES.map((s) => `${s} ${median(stageTimes.get(s)!).toFixed(1)}`).join(', ')}`,
);
console.log(
  `floor runs (ms): ${floorTimes.map((t) => t.toFixed(1)).join(' ')} (checksum ${checksum.toFixed(0)})`,
);
console.log(
  JSON.stringify({
    clients: snapshot.clients.ids.length,
    transactions: snapshot.transactions.day.length,
    score_ms: Number(scoreMs.toFixed(1)),
    floor_ms: Number(floorMs.toFixed(2)),
    ratio: Number((scoreMs / floorMs).toFixed(1)),
    clv_fit_ms: Number(median(fitTimes).toFixed(1)),
    backtest_ms: Number(median(backtestTimes).toFixed(1)),
    mbg_fit_23570_ms: Number(median(mbgTimes).toFixed(1)),
    dashboard_summary_ms: Number(median(dashboardTimes).toFixed(1)),
    evaluation_ms: Number(median(evaluationTimes).toFixed(1)),
    evaluation_bytes: evaluationBytes,
    evaluations_36_mb: Number(((36 * evaluationBytes) / 1e6).toFixed(1)),
    cluster_ms: Number(median(clusterTimes).toFixed(0)),
  }),
);
