import { untrack } from 'svelte';

/**
 * The answer to the latest of a series of questions asked of the worker: a slower answer
 * to an older question never replaces a newer one; the previous answer stays on screen
 * while the next is awaited (a list keeps its rows and its scroll position); a failure is
 * kept as `error`, for the view to say so and offer `retry`, instead of "Loading…" forever.
 */
export class LatestQuery<T> {
  /** The answer to the latest question answered (kept while a newer one is awaited). */
  current = $state.raw<T | undefined>(undefined);
  /** Why the latest question failed; cleared by the next answer. */
  error = $state.raw<Error | undefined>(undefined);
  /** A question is awaiting its answer. */
  pending = $state(false);
  #ticket = 0;
  #last: (() => Promise<T>) | null = null;

  /** Asks `question`: its answer is taken unless a later question is asked meanwhile. */
  ask = async (question: () => Promise<T>): Promise<void> => {
    const ticket = ++this.#ticket;
    this.#last = question;
    this.pending = true;
    try {
      const answer = await question();
      if (ticket !== this.#ticket) return;
      this.current = answer;
      this.error = undefined;
    } catch (caught) {
      if (ticket !== this.#ticket) return;
      this.error = caught instanceof Error ? caught : new Error(String(caught));
    }
    this.pending = false;
  };

  /** Drops the answer to any question in flight: it is no longer wanted. */
  cancel = (): void => {
    this.#ticket += 1;
    this.pending = false;
  };

  /** Asks the latest question again (after a failure). */
  retry = (): Promise<void> => (this.#last ? this.ask(this.#last) : Promise.resolve());
}

/**
 * A `LatestQuery` that asks `question(key)` again whenever `key()` changes; nothing while
 * it is undefined. Create it while a component initialises (it runs in an effect).
 */
export function latestQuery<K, T>(
  key: () => K | undefined,
  question: (key: K) => Promise<T>,
): LatestQuery<T> {
  const query = new LatestQuery<T>();
  const keys = new KeyChanges();
  $effect(() => {
    const current = key();
    if (!keys.changed(current) || current === undefined) return;
    // Only the key is a dependency, not whatever the question reads as it starts.
    untrack(() => void query.ask(() => question(current)));
  });
  return query;
}

/**
 * Whether a key differs from the previous one by value. A key is recomputed whenever what
 * it reads changes (the worker's progress, a stamp read again), mostly to an equal value:
 * asking again then would fetch the same answer several times a run.
 */
export class KeyChanges {
  #last: string | undefined;

  changed(key: unknown): boolean {
    const written = key === undefined ? undefined : JSON.stringify(key);
    const changed = written !== this.#last;
    this.#last = written;
    return changed;
  }
}
