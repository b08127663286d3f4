import type { First } from '$db/first-values';

/**
 * What a view saved for its next cold start (the Clients list's first rows, Today's
 * lists), read as the view opens, and whether the worker's own answer should wait for it.
 * It waits until the saved answer is read and, when it is shown, painted: the worker's
 * answer means reading megabytes of scores, which on a two-core machine would compete
 * with that first paint. Create it while a component initialises.
 */
export class SavedFirst<T> {
  value = $state.raw<T | undefined>(undefined);
  #phase = $state<'reading' | 'read' | 'painted'>('reading');

  /** `first`, when given, is the saved answer as read at start (see `first-values.ts`). */
  constructor(read: () => Promise<T | undefined>, first?: First<T | undefined>) {
    if (first) {
      this.value = first.value;
      this.#phase = 'read';
      return;
    }
    read().then(
      (saved) => {
        this.value = saved;
        this.#phase = 'read';
      },
      () => (this.#phase = 'read'), // none to show early: the worker's answer comes as usual
    );
  }

  /** Whether the question to the worker should still wait, given whether the saved answer is shown. */
  holds(shown: boolean): boolean {
    return this.#phase === 'reading' || (shown && this.#phase !== 'painted');
  }

  /**
   * The saved answer is on screen: the wait ends after the frame that paints it. Call it
   * from an effect, and return what it returns (it cancels the wait's frames).
   */
  shown(): () => void {
    let inner = 0;
    const outer = requestAnimationFrame(() => {
      inner = requestAnimationFrame(() => (this.#phase = 'painted'));
    });
    return () => {
      cancelAnimationFrame(outer);
      cancelAnimationFrame(inner);
    };
  }
}
