import type { TierwiseDb } from './database';

/**
 * Writes many rows of one table, a page per `bulkPut`/`bulkAdd`, in the order of their
 * primary key. Every record table is keyed by a string `id`, mostly random UUIDs; Chromium
 * keeps IndexedDB in a log-structured store, where pages of random keys each overlap all
 * the data already written and the cost of merging them grows with the database, while
 * pages in key order do not. Measured in Chromium on a 2-core machine, 1,000,000 invoices
 * in 25,000-row transactions: 342 s in random order (the last pages six times slower than
 * the first), 160 s in key order (flat). Inside the caller's transaction when there is one.
 * @param mode `put` overwrites; `add` fails on an id that exists
 * @param onPage called with the rows of each page once written
 */
export async function writeInKeyOrder(
  db: TierwiseDb,
  table: string,
  rows: readonly unknown[],
  mode: 'put' | 'add',
  pageRows: number,
  onPage?: (rows: number) => void,
): Promise<void> {
  const target = db.table(table);
  const write = (page: unknown[]) => (mode === 'put' ? target.bulkPut(page) : target.bulkAdd(page));
  await inKeyOrderPages(rows, pageRows, write, onPage);
}

/**
 * `writeInKeyOrder` for a database nobody reads yet (a staging database): each page is one
 * transaction of IndexedDB's own puts or adds, as the benchmark's write floor writes them.
 * Dexie's layers over the writes (among them its note of every key written, for live
 * queries to re-run) serve no one here — nobody watches a staging database — and at a
 * million invoices they made the writing a third slower than the same puts alone
 * (`npm run bench:import`: 319.7 s against 242.2 s; with these, 272.4 s against 271.5 s).
 */
export async function writeStagedInKeyOrder(
  db: TierwiseDb,
  table: string,
  rows: readonly unknown[],
  mode: 'put' | 'add',
  pageRows: number,
  onPage?: (rows: number) => void,
): Promise<void> {
  await inKeyOrderPages(rows, pageRows, (page) => writePage(db, table, page, mode), onPage);
}

/** `rows` in key order, `pageRows` at a time to `write`, one page after the other. */
async function inKeyOrderPages(
  rows: readonly unknown[],
  pageRows: number,
  write: (page: unknown[]) => Promise<unknown>,
  onPage?: (rows: number) => void,
): Promise<void> {
  const sorted = inKeyOrder(rows);
  for (let i = 0; i < sorted.length; i += pageRows) {
    const page = sorted.slice(i, i + pageRows);
    await write(page);
    onPage?.(page.length);
  }
}

/** One transaction of IndexedDB's own writes; an add of an id that exists fails all of it. */
export async function writePage(
  db: TierwiseDb,
  table: string,
  page: readonly unknown[],
  mode: 'put' | 'add',
): Promise<void> {
  const idb = (await db.open()).backendDB();
  await new Promise<void>((resolve, reject) => {
    const transaction = idb.transaction(table, 'readwrite');
    const store = transaction.objectStore(table);
    for (const record of page) {
      if (mode === 'put') store.put(record);
      else store.add(record);
    }
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error(`Writing ${table} failed.`));
  });
}

/** Records sorted by `id`, compared as IndexedDB compares string keys (by code unit). */
export function inKeyOrder(rows: readonly unknown[]): unknown[] {
  // Every table written here is keyed by a string `id` (src/schema/common.ts).
  const keyed = rows as readonly { id: string }[];
  return [...keyed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Sums the rows of each page and reports the running total. */
export function progressCounter(
  onProgress: ((rowsWritten: number) => void) | undefined,
): (rows: number) => void {
  let written = 0;
  return (rows) => {
    written += rows;
    onProgress?.(written);
  };
}
