import type { WorkerClient } from '$worker/worker-client.svelte';

/** How long after the app opens Today's lists are prepared: the first view reads first. */
const PREPARE_AFTER_MS = 3_000;

/**
 * Has the worker compute Today's lists once, a while after the app opened on any page: it
 * reads the snapshot and the evaluations then (seconds at 50,000 clients), so going to
 * Today later answers at once, and the lists it saves let the next cold start on Today
 * paint them before the worker has read anything. Returns the cancel.
 */
export function prepareToday(worker: WorkerClient, today: () => string): () => void {
  const timer = setTimeout(() => {
    worker.today('', today()).catch((error: unknown) => {
      // Only a head start is lost: Today computes its lists when opened.
      console.error('Today not prepared:', error);
    });
  }, PREPARE_AFTER_MS);
  return () => clearTimeout(timer);
}
