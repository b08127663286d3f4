import type { DashboardData } from '$worker/dashboard';
import type { WorkerClient } from '$worker/worker-client.svelte';

/** The default share of one client's revenue above which the dashboard warns, in %. */
export const DEFAULT_CONCENTRATION_PERCENT = 30;

/**
 * The dashboard's figures, asked of the worker again whenever a new scores record is saved
 * (`computedAt`) or the warning share changes; a slower, older answer never replaces a
 * newer one. Create while a component initialises.
 */
export class DashboardDataQuery {
  current = $state.raw<DashboardData | null>(null);
  #asked = 0;

  constructor(
    worker: WorkerClient,
    computedAt: () => string | undefined,
    thresholdPercent: () => number,
  ) {
    $effect(() => {
      const at = computedAt();
      const threshold = thresholdPercent() / 100;
      if (at === undefined) return;
      const ticket = ++this.#asked;
      void worker.dashboard(at, threshold).then((result) => {
        if (ticket === this.#asked) this.current = result;
      });
    });
  }
}
