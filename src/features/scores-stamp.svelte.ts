import type { TierwiseDb } from '$db/database';
import type { ScoresStamp } from '$db/derived-records';
import type { First } from '$db/first-values';
import { LiveQuery } from '$db/live.svelte';
import { readScoresStamp } from '$db/snapshot-store';
import type { WorkerClient } from '$worker/worker-client.svelte';

/**
 * The stamp of the newest scores, whoever made them: this tab's worker says so as soon as
 * a run has them (before they are saved, so an edit shows its new score without waiting
 * for megabytes to be written), and the stored stamp follows other tabs' runs. Views
 * watch this and ask the worker for what they show.
 */
export class ScoresStampWatch {
  readonly #stored: LiveQuery<ScoresStamp | undefined>;
  readonly #worker: WorkerClient;

  /** Create it while a component initialises (it holds a live query). */
  constructor(db: TierwiseDb, worker: WorkerClient, first?: First<ScoresStamp | undefined>) {
    this.#stored = new LiveQuery(() => () => readScoresStamp(db), first);
    this.#worker = worker;
  }

  /** Undefined until the stored stamp is read and while there are no scores. */
  get current(): ScoresStamp | undefined {
    const stored = this.#stored.current;
    const pushed = this.#worker.scoresStamp ?? undefined;
    if (stored === undefined) return pushed;
    return pushed !== undefined && pushed.computedAt > stored.computedAt ? pushed : stored;
  }
}
