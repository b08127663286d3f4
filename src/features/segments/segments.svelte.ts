import { DEFAULT_SEGMENT_FEATURES, SEGMENT_FEATURES, type SegmentFeature } from '$engine/index';
import { latestQuery, type LatestQuery } from '$features/latest-query.svelte';
import type { SegmentRequest, SegmentsData } from '$worker/segments-service';
import type { WorkerClient } from '$worker/worker-client.svelte';

/** `k` as the form holds it: 'auto' (by silhouette) or a number as text. */
export type KChoice = 'auto' | `${number}`;

/**
 * The Segments view's state: the settings being edited (`features`, `k`), the settings
 * of the run on screen (applied with `find`), and the run itself, asked of the worker
 * again when the scores change. Progress comes from the worker, step by step.
 */
export class SegmentsState {
  features = $state<SegmentFeature[]>([...DEFAULT_SEGMENT_FEATURES]);
  k = $state<KChoice>('auto');
  /** Steps done and the total of the run in flight; null when none runs. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  /** The settings of the last run asked for. */
  #applied = $state.raw<SegmentRequest>({ features: [...DEFAULT_SEGMENT_FEATURES], k: null });
  readonly query: LatestQuery<SegmentsData | null>;

  /** Create it while a component initialises (it runs an effect). */
  constructor(worker: WorkerClient, computedAt: () => string | undefined) {
    this.query = latestQuery(
      () => {
        const at = computedAt();
        return at === undefined ? undefined : { at, request: this.#applied };
      },
      async ({ at, request }) => {
        this.progress = { done: 0, total: 1 };
        try {
          return await worker.segments(request, at, (done, total) => {
            this.progress = { done, total };
          });
        } finally {
          this.progress = null;
        }
      },
    );
  }

  /** Whether the settings can be run: at least one measure. */
  get valid(): boolean {
    return this.features.length > 0;
  }

  /** Runs with the settings as edited now. */
  find(): void {
    if (!this.valid) return;
    // In the list's order, however they were ticked: the same choice is the same run.
    const features = SEGMENT_FEATURES.filter((feature) => this.features.includes(feature));
    this.#applied = { features, k: this.k === 'auto' ? null : Number(this.k) };
  }
}
