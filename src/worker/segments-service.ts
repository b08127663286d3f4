import * as z from 'zod';
import type { TierwiseDb } from '$db/database';
import type { ScoresRecord } from '$db/derived-records';
import { tagClients } from '$db/client-repository';
import { readActiveModel } from '$db/model-repository';
import {
  computeFeatures,
  SEGMENT_FEATURES,
  segmentClients,
  K_RANGE,
  type PreviousCentroids,
  type Snapshot,
} from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { segmentsView, type SegmentsData } from './segments-view';
import type { ScoringService } from './scoring-service';

export type { SegmentsData } from './segments-view';

/** What the page asks: the features to cluster on, and k (null: chosen by the silhouette). */
export const segmentRequestSchema = z.object({
  features: z
    .array(z.enum(SEGMENT_FEATURES))
    .min(1)
    .max(SEGMENT_FEATURES.length)
    .refine((features) => new Set(features).size === features.length, 'Each feature once.'),
  k: z.int().min(K_RANGE.min).max(K_RANGE.max).nullable(),
});
export type SegmentRequest = z.infer<typeof segmentRequestSchema>;

/** What segments read from the scoring service: the scores the page holds and their snapshot. */
export type SegmentSource = Pick<ScoringService, 'scores' | 'currentSnapshot'>;

/** The seed of every segmentation: the same data and settings always give the same clusters. */
export const SEGMENT_SEED = 20;

/**
 * Segments in the worker: clusters the clients of the scores the page holds on the
 * features it picked (engine `segmentClients`), and keeps the last run's members so a
 * cluster can be saved as a tag. The previous run's centres are kept in memory, per
 * worker, so that clusters keep their numbers from one run to the next while the app is
 * open (docs/segments.md); nothing about segments is stored.
 */
export class SegmentsService {
  readonly #db: TierwiseDb;
  readonly #scoring: SegmentSource;
  #previous: PreviousCentroids | null = null;
  #lastRun: { runId: number; members: string[][] } | null = null;
  #runs = 0;

  constructor(db: TierwiseDb, scoring: SegmentSource) {
    this.#db = db;
    this.#scoring = scoring;
  }

  /**
   * Clusters the clients of the scores `computedAt` names. Null before there are scores.
   * @param onProgress steps done of the total (each k tried is one)
   * @throws ZodError when the request is not valid
   */
  async run(
    request: SegmentRequest,
    computedAt: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SegmentsData | null> {
    const { features, k } = segmentRequestSchema.parse(request);
    const [scores, snapshot, model] = await Promise.all([
      this.#scoring.scores(computedAt),
      this.#scoring.currentSnapshot(),
      readActiveModel(this.#db),
    ]);
    if (scores === null || snapshot === null) return null;
    const asOfDay = toEpochDay(scores.asOf);
    const scoreOf = scoreIndexes(snapshot, scores);
    const clv12m = Float64Array.from(scoreOf, (s) => (s < 0 ? NaN : (scores.clv12m[s] ?? NaN)));
    const measured = computeFeatures(snapshot, { asOfDay, definition: model.definition, clv12m });
    const eligible: number[] = [];
    let withoutPurchases = 0;
    scoreOf.forEach((s, c) => {
      if (s < 0 || scores.scored[s] !== 1) return; // archived, or not scored yet
      if ((measured.facts.purchaseDays[c] ?? 0) > 0) eligible.push(c);
      else withoutPurchases += 1;
    });
    const segmentation = segmentClients({
      metrics: measured.metrics,
      clients: Int32Array.from(eligible),
      features,
      k,
      seed: SEGMENT_SEED,
      previous: this.#previous,
      ...(onProgress ? { onProgress } : {}),
    });
    const runId = (this.#runs += 1);
    if (segmentation === null) {
      this.#lastRun = null;
      return segmentsView({ runId, scores, segmentation, withoutPurchases, model, scoreOf });
    }
    this.#previous = segmentation.centroids;
    const ids = snapshot.clients.ids;
    const members: string[][] = Array.from({ length: segmentation.k }, () => []);
    segmentation.labels.forEach((cluster, row) => {
      members[cluster]?.push(ids[segmentation.clients[row] ?? -1] ?? '');
    });
    this.#lastRun = { runId, members };
    return segmentsView({ runId, scores, segmentation, withoutPurchases, model, scoreOf });
  }

  /**
   * Tags every client of one cluster of the last run (`tagClients`: one transaction).
   * Null when that run is no longer the last one (run again first).
   */
  async saveTag(
    runId: number,
    cluster: number,
    tag: string,
  ): Promise<{ tagged: number; already: number } | null> {
    const members = this.#lastRun?.runId === runId ? this.#lastRun.members[cluster] : undefined;
    if (members === undefined) return null;
    return tagClients(this.#db, members, tag);
  }
}

/** For each snapshot client, its index in the scores (−1 when the scores do not have it yet). */
function scoreIndexes(snapshot: Snapshot, scores: ScoresRecord): Int32Array {
  const ids = snapshot.clients.ids;
  const same =
    ids.length === scores.clientIds.length && ids.every((id, i) => id === scores.clientIds[i]);
  if (same) return Int32Array.from(ids, (_, i) => i);
  const index = new Map(scores.clientIds.map((id, i) => [id, i]));
  return Int32Array.from(ids, (id) => index.get(id) ?? -1);
}
