import { liveQuery } from 'dexie';
import { firstFrame } from './first-frame.svelte';
import type { First } from './first-values';

/**
 * A Dexie live query as a rune: `current` follows the database, including writes made
 * by the worker or another tab. Create it while a component initialises.
 *
 * `prepare` runs inside an effect, so reactive state it reads (a filter, an id) is
 * tracked: change it and the query is re-subscribed. It returns the querier Dexie runs.
 * Results are `$state.raw`: large lists are replaced, never deeply proxied. `first`, read
 * at start (see `first-values.ts`), is the answer until the query's own arrives. A query
 * created before the app's first frame is drawn starts after it (first-frame.svelte.ts).
 */
export class LiveQuery<T> {
  current = $state.raw<T | undefined>(undefined);
  error = $state.raw<Error | undefined>(undefined);

  constructor(prepare: () => () => T | Promise<T>, first?: First<T>) {
    if (first) this.current = first.value;
    // The query's first answer usually equals what was read at start: keeping the value
    // on screen then spares the view redrawing it just after its first paint.
    let sameAsFirst = first
      ? (value: T) => JSON.stringify(value) === JSON.stringify(first.value)
      : undefined;
    $effect(() => {
      if (!firstFrame.drawn) return; // and runs again once it is
      const querier = prepare();
      const subscription = liveQuery(querier).subscribe({
        next: (value) => {
          const unchanged = sameAsFirst?.(value) === true;
          sameAsFirst = undefined;
          if (!unchanged) this.current = value;
          this.error = undefined;
        },
        error: (error: unknown) => {
          this.error = error instanceof Error ? error : new Error(String(error));
        },
      });
      return () => subscription.unsubscribe();
    });
  }
}
