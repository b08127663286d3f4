import type { TierwiseDb } from '$db/database';
import { ALL_CLIENTS, type ChangeRecord } from '$db/derived-records';
import { latestChangeSeq } from '$db/snapshot-store';
import type { Client } from '$schema/client';
import type { ClientId } from '$schema/common';

/** What the list shows and searches of a client, besides its scores. */
export interface DirectoryEntry {
  name: string;
  company: string;
  email: string;
  tags: readonly string[];
  /** Name, company, email and tags, lower-cased: what the search box matches. */
  searchText: string;
}

/**
 * Every client's name, company, email and tags, held by the worker so the list can be
 * searched and sorted by name without the page reading 50,000 profiles. Loaded on first
 * use, refreshed for the clients the change log names.
 */
export class ClientDirectory {
  readonly #db: TierwiseDb;
  #entries: Map<string, DirectoryEntry> | null = null;
  /** The last change logged when the entries were loaded or last brought up to date. */
  #seq = 0;

  constructor(db: TierwiseDb) {
    this.#db = db;
  }

  async entries(): Promise<ReadonlyMap<string, DirectoryEntry>> {
    if (this.#entries === null) {
      const seq = await latestChangeSeq(this.#db);
      const clients = await this.#db.clients.toArray();
      this.#seq = seq;
      this.#entries = new Map(clients.map((client) => [client.id as string, entryOf(client)]));
    }
    return this.#entries;
  }

  /**
   * Some clients' names, by id: from the directory when it is loaded, else read for just
   * those clients (the dashboard names a handful; loading 50,000 profiles for them would
   * take seconds).
   */
  async names(ids: readonly string[]): Promise<Record<string, string>> {
    const names: Record<string, string> = {};
    if (this.#entries !== null) {
      for (const id of ids) names[id] = this.#entries.get(id)?.name ?? id;
      return names;
    }
    const clients = await this.#db.clients.bulkGet(ids as ClientId[]); // ids the scores name
    ids.forEach((id, k) => {
      names[id] = clients[k]?.name ?? id;
    });
    return names;
  }

  /**
   * Brings the entries up to the change log, in a worker that does not fold changes into
   * a snapshot (another tab's worker scores them): re-reads the clients changed since,
   * or everything when a change names every client, or when changes it has not seen
   * were dropped from the log (the snapshot stored up to `storedSeq` includes them).
   */
  async follow(changes: readonly ChangeRecord[], storedSeq: number): Promise<void> {
    if (this.#entries === null) return; // loaded afresh when next used
    const seen = this.#seq;
    const pending = changes.filter((change) => (change.seq ?? 0) > seen);
    this.#seq = Math.max(seen, storedSeq, ...pending.map((change) => change.seq ?? 0));
    if (storedSeq > seen || pending.some((change) => change.clientId === ALL_CLIENTS)) {
      this.invalidate();
    } else {
      await this.refresh([...new Set(pending.map((change) => change.clientId))]);
    }
  }

  /** Everything may have changed: reload on next use. */
  invalidate(): void {
    this.#entries = null;
  }

  /** Re-reads some clients (those not found are gone). */
  async refresh(ids: readonly string[]): Promise<void> {
    if (this.#entries === null || ids.length === 0) return;
    const clients = await this.#db.clients.bulkGet(ids as ClientId[]); // ids of stored clients
    ids.forEach((id, k) => {
      const client = clients[k];
      if (client) this.#entries?.set(id, entryOf(client));
      else this.#entries?.delete(id);
    });
  }
}

function entryOf(client: Client): DirectoryEntry {
  return {
    name: client.name,
    company: client.company,
    email: client.email,
    tags: client.tags,
    searchText: [client.name, client.company, client.email, ...client.tags]
      .join('\n')
      .toLocaleLowerCase(),
  };
}
