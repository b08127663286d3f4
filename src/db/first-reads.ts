/**
 * The few small records the first screen shows, read with IndexedDB itself while the
 * app's code still compiles (main.ts starts it as soon as it knows the workspace's name).
 * Read later, through Dexie and its live queries, they arrived 150–250 ms after the app
 * had mounted at 50,000 clients, with the page idle meanwhile; read now, the first view
 * paints from them at once (see `FirstReads`, and docs/storage.md, "Reading at start").
 *
 * This file is part of the page's first few kilobytes: it imports no Dexie and no schema.
 */

/** What the app's schema is now: Dexie stores version N as IndexedDB version N × 10. */
export const CURRENT_SCHEMA_VERSION = 5;

/** One read: a record by its key, every record of a small table, or whether a table has any. */
export type FirstRead =
  | { readonly store: string; readonly key: string }
  | { readonly store: string; readonly all: true }
  | { readonly store: string; readonly any: true };

/**
 * The reads, by the name the views take them by (see `first-values.ts` for their types).
 * The tables and keys are those the repositories read (`SETTINGS_ID`, the `scores` table's
 * keys), written out here to keep Dexie and the schemas out of this file; a test reads
 * each one both ways.
 */
export const FIRST_READS = {
  settings: { store: 'settings', key: 'workspace' },
  models: { store: 'models', all: true },
  scoresStamp: { store: 'scores', key: 'stamp' },
  savedToday: { store: 'scores', key: 'today' },
  firstRows: { store: 'scores', key: 'first-rows' },
  evaluations: { store: 'evaluations', all: true },
  anyClient: { store: 'clients', any: true },
} as const satisfies Record<string, FirstRead>;

export type FirstReadName = keyof typeof FIRST_READS;

/**
 * What was read at start, for the first view to paint from, until `expire()`: after that
 * the views read through Dexie as usual. Until the worker starts (which expires them) the
 * only other writer is another tab, whose change reaches the views' live queries a moment
 * later anyway; a record first read here is then read again by its live query.
 */
export class FirstReads {
  #values: Map<FirstReadName, unknown> | undefined;

  constructor(values: Map<FirstReadName, unknown> | undefined) {
    this.#values = values;
  }

  /** Whether `name` was read (its value may be `undefined`: no such record). */
  has(name: FirstReadName): boolean {
    return this.#values?.has(name) ?? false;
  }

  /** The record as read, not checked: see `first-values.ts` for what each one is. */
  get(name: FirstReadName): unknown {
    return this.#values?.get(name);
  }

  expire(): void {
    this.#values = undefined;
  }
}

/**
 * The first reads of the workspace `name` will name: begun at once on `hint` (the
 * workspace last opened here, see `workspace-hint.ts`) and kept when the name confirms it,
 * else read again from the named one. Reading while the pointer is read, rather than
 * after, saves a round trip that the app's compiling code could delay by 100–200 ms.
 */
export async function readFirstOf(
  name: Promise<string>,
  hint: string | null,
): Promise<Map<FirstReadName, unknown> | undefined> {
  const early = hint === null ? undefined : readFirst(hint);
  const named = await name;
  return early && named === hint ? early : readFirst(named);
}

/**
 * Runs every read in one read-only transaction. Resolves with nothing, never an error,
 * when the reads cannot stand for what the app would read itself: no such database (it
 * is not created), a database at another schema version (Dexie upgrades it first), a
 * missing table, or any failure. The connection is closed as soon as the reads are done,
 * so it never holds up an upgrade or a deletion.
 */
export function readFirst(
  name: string,
  schemaVersion: number = CURRENT_SCHEMA_VERSION,
): Promise<Map<FirstReadName, unknown> | undefined> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      resolve(undefined);
      return;
    }
    request.onupgradeneeded = () => request.transaction?.abort(); // none yet: create nothing
    request.onerror = () => resolve(undefined);
    request.onblocked = () => resolve(undefined);
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close(); // another tab upgrades: never hold it up
      const stores = [...new Set(Object.values(FIRST_READS).map((read) => read.store))];
      const current = db.version === schemaVersion * 10;
      if (!current || !stores.every((store) => db.objectStoreNames.contains(store))) {
        db.close();
        resolve(undefined);
        return;
      }
      const values = new Map<FirstReadName, unknown>();
      try {
        const transaction = db.transaction(stores, 'readonly');
        for (const [name, read] of Object.entries(FIRST_READS)) {
          const store = transaction.objectStore(read.store);
          const asked =
            'key' in read
              ? store.get(read.key)
              : 'all' in read
                ? store.getAll()
                : store.getAllKeys(null, 1);
          asked.onsuccess = () => {
            const { result } = asked;
            // `name` is one of FIRST_READS' own keys (Object.entries widens it to string).
            const named = name as FirstReadName;
            values.set(named, 'any' in read ? Array.isArray(result) && result.length > 0 : result);
          };
        }
        transaction.oncomplete = () => {
          db.close();
          resolve(values);
        };
        transaction.onerror = transaction.onabort = () => {
          db.close();
          resolve(undefined);
        };
      } catch {
        db.close();
        resolve(undefined);
      }
    };
  });
}
