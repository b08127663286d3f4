import { SvelteMap } from 'svelte/reactivity';
import type { TierwiseDb } from '$db/database';
import type { ClientId } from '$schema/common';

export interface ListedProfile {
  name: string;
  company: string;
}

/**
 * Names and companies of the rows on screen, read on demand: asking for a client not
 * yet known queues it, and the queue is read in one `bulkGet` after the current render.
 * The list never needs every client's profile at once.
 */
export class ProfileCache {
  readonly #db: TierwiseDb;
  readonly #known = new SvelteMap<string, ListedProfile>();
  // Bookkeeping only, never rendered: a plain Set on purpose.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #queued = new Set<string>();
  #scheduled = false;

  constructor(db: TierwiseDb) {
    this.#db = db;
  }

  get(id: string): ListedProfile | undefined {
    const known = this.#known.get(id);
    if (known === undefined && !this.#queued.has(id)) {
      this.#queued.add(id);
      this.#schedule();
    }
    return known;
  }

  /** Forgets everything (profiles may have changed): the rows on screen read again. */
  clear(): void {
    this.#known.clear();
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setTimeout(() => void this.#load(), 0);
  }

  async #load(): Promise<void> {
    this.#scheduled = false;
    const ids = [...this.#queued];
    this.#queued.clear();
    // Ids from the scores record: each was a stored client's id when it was scored.
    const clients = await this.#db.clients.bulkGet(ids as ClientId[]);
    ids.forEach((id, k) => {
      const client = clients[k];
      this.#known.set(id, { name: client?.name ?? '', company: client?.company ?? '' });
    });
  }
}
