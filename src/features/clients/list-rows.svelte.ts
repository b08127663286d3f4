import { SvelteMap } from 'svelte/reactivity';
import type { WorkerClient } from '$worker/worker-client.svelte';
import type { ListRow } from '$worker/list-service';

/** Rows asked for at once: a screenful and more, so scrolling rarely waits. */
export const PAGE_ROWS = 50;

/** The list id of rows saved with the scores (`FirstRows`): shown, never asked for. */
export const FIRST_ROWS_LIST = -1;

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
  readonly #pending = new Map<string, Promise<ListRow[] | null>>();
  /** The range on screen, to ask for when a new list arrives. */
  #range = { from: 0, to: PAGE_ROWS };
  #listId = 0;

  constructor(worker: Pick<WorkerClient, 'listRows'>) {
    this.#worker = worker;
  }

  /**
   * Shows rows saved with the scores (the default list's first screen) before the worker
   * holds a list: its first list then replaces them like any new list, once its rows for
   * the same place have arrived.
   */
  showFirst(rows: readonly ListRow[]): void {
    if (this.#listId > 0) return; // the worker's list is there already
    this.#listId = FIRST_ROWS_LIST;
    this.#shown = FIRST_ROWS_LIST;
    this.#put(0, rows);
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
    if (listId <= 0) return; // no list yet, or only the saved first rows
    const first = Math.floor(Math.max(0, from) / PAGE_ROWS);
    const last = Math.floor(Math.max(0, to - 1) / PAGE_ROWS);
    const pages: number[] = [];
    for (let page = first; page <= last; page += 1) pages.push(page);
    if (listId === this.#shown) {
      await Promise.all(pages.map((page) => this.#load(listId, page)));
      return;
    }
    // A new list replaces every row on screen at once, when all have arrived: a row on
    // screen left empty meanwhile would change its height, and the list would move.
    const fetched = await Promise.all(pages.map((page) => this.#fetch(listId, page)));
    if (listId !== this.#listId || listId === this.#shown) return;
    if (fetched.some((rows) => rows === null)) return;
    this.rows.clear();
    this.#shown = listId;
    fetched.forEach((rows, k) => this.#put(pages[k] ?? 0, rows ?? []));
  }

  /** A page of the list shown, unless it is there already. */
  async #load(listId: number, page: number): Promise<void> {
    if (this.rows.has(page * PAGE_ROWS)) return;
    const rows = await this.#fetch(listId, page);
    if (rows !== null && listId === this.#shown) this.#put(page, rows);
  }

  #put(page: number, rows: readonly ListRow[]): void {
    rows.forEach((row, k) => this.rows.set(page * PAGE_ROWS + k, row));
  }

  /** A page of a list from the worker, asked once however many want it meanwhile. */
  #fetch(listId: number, page: number): Promise<ListRow[] | null> {
    const key = `${listId}:${page}`;
    let loading = this.#pending.get(key);
    if (!loading) {
      const start = page * PAGE_ROWS;
      loading = this.#worker.listRows(listId, start, start + PAGE_ROWS).finally(() => {
        this.#pending.delete(key);
      });
      this.#pending.set(key, loading);
    }
    return loading;
  }
}
