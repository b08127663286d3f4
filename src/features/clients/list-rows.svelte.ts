import { SvelteMap } from 'svelte/reactivity';
import type { WorkerClient } from '$worker/worker-client.svelte';
import type { ListRow } from '$worker/list-service';

/** Rows asked for at once: a screenful and more, so scrolling rarely waits. */
export const PAGE_ROWS = 50;

/**
 * The rows of the list the worker holds, fetched a page at a time as they come on screen.
 * When the list changes (a filter, new scores), the rows on screen stay until the new
 * list's rows for the same place arrive: the list neither blanks nor loses its place.
 */
export class ListRows {
  readonly #worker: Pick<WorkerClient, 'listRows'>;
  /** Rows by position, of the list `#shown`. */
  readonly rows = new SvelteMap<number, ListRow>();
  #shown = 0;
  // Bookkeeping only, never rendered: a plain Map on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #pending = new Map<string, Promise<void>>();
  /** The range on screen, to ask for when a new list arrives. */
  #range = { from: 0, to: PAGE_ROWS };
  #listId = 0;

  constructor(worker: Pick<WorkerClient, 'listRows'>) {
    this.#worker = worker;
  }

  /** The list to show now; its rows replace the previous list's as they arrive. */
  show(listId: number): void {
    if (listId === this.#listId) return;
    this.#listId = listId;
    void this.#ensure(this.#range.from, this.#range.to);
  }

  /** The rows from `from` to `to` are on screen (or about to be). */
  visible(from: number, to: number): void {
    this.#range = { from, to };
    void this.#ensure(from, to);
  }

  async #ensure(from: number, to: number): Promise<void> {
    const listId = this.#listId;
    if (listId === 0) return;
    const first = Math.floor(Math.max(0, from) / PAGE_ROWS);
    const last = Math.floor(Math.max(0, to - 1) / PAGE_ROWS);
    const loads: Promise<void>[] = [];
    for (let page = first; page <= last; page += 1) loads.push(this.#load(listId, page));
    await Promise.all(loads);
  }

  #load(listId: number, page: number): Promise<void> {
    const start = page * PAGE_ROWS;
    if (listId === this.#shown && this.rows.has(start)) return Promise.resolve();
    const key = `${listId}:${page}`;
    let loading = this.#pending.get(key);
    if (!loading) {
      loading = this.#worker.listRows(listId, start, start + PAGE_ROWS).then((rows) => {
        this.#pending.delete(key);
        if (rows === null || listId !== this.#listId) return;
        if (this.#shown !== listId) {
          // The first page of a new list: the old rows go now, not before.
          this.rows.clear();
          this.#shown = listId;
        }
        rows.forEach((row, k) => this.rows.set(start + k, row));
      });
      this.#pending.set(key, loading);
    }
    return loading;
  }
}
