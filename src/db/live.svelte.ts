import { liveQuery } from 'dexie';

/**
 * A Dexie live query as a rune: `current` follows the database, including writes made
 * by the worker or another tab. Create it while a component initialises.
 *
 * `prepare` runs inside an effect, so reactive state it reads (a filter, an id) is
 * tracked: change it and the query is re-subscribed. It returns the querier Dexie runs.
 * Results are `$state.raw`: large lists are replaced, never deeply proxied.
 */
export class LiveQuery<T> {
  current = $state.raw<T | undefined>(undefined);
  error = $state.raw<Error | undefined>(undefined);

  constructor(prepare: () => () => T | Promise<T>) {
    $effect(() => {
      const querier = prepare();
      const subscription = liveQuery(querier).subscribe({
        next: (value) => {
          this.current = value;
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
