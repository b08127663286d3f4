import type { Client } from '$schema/client';
import type { ClientBundle, DatasetCounts } from '$schema/client-bundle';
import type { Complaint } from '$schema/complaint';
import type { Feedback } from '$schema/feedback';
import type { Interaction } from '$schema/interaction';
import type { Transaction } from '$schema/transaction';
import type { TierwiseDb } from './database';

export interface WriteOptions {
  /**
   * Rows per Dexie transaction. A dataset smaller than this is written atomically; a
   * larger one in chunks (IndexedDB writes ≈10–16k rows/s: one giant transaction would
   * hold everything in memory and report no progress).
   */
  chunkRows?: number;
  /** Called after each chunk with the rows written so far, all tables together. */
  onProgress?: (rowsWritten: number) => void;
}

/** Rows waiting for the next transaction. */
class Batch {
  clients: Client[] = [];
  transactions: Transaction[] = [];
  interactions: Interaction[] = [];
  feedback: Feedback[] = [];
  complaints: Complaint[] = [];
  rows = 0;

  add(bundle: ClientBundle): void {
    this.clients.push(bundle.client);
    this.transactions.push(...bundle.transactions);
    this.interactions.push(...bundle.interactions);
    this.feedback.push(...bundle.feedback);
    this.complaints.push(...bundle.complaints);
    this.rows +=
      1 +
      bundle.transactions.length +
      bundle.interactions.length +
      bundle.feedback.length +
      bundle.complaints.length;
  }

  async write(db: TierwiseDb): Promise<void> {
    const tables = [db.clients, db.transactions, db.interactions, db.feedback, db.complaints];
    await db.transaction('rw', tables, async () => {
      await db.clients.bulkPut(this.clients);
      await db.transactions.bulkPut(this.transactions);
      await db.interactions.bulkPut(this.interactions);
      await db.feedback.bulkPut(this.feedback);
      await db.complaints.bulkPut(this.complaints);
    });
  }
}

/**
 * Writes client bundles with `bulkPut`, chunked. Callers validate the bundles first (the
 * sample generator's output is validated by its tests; imports validate each row).
 * @returns how many rows of each kind were written
 */
export async function writeBundles(
  db: TierwiseDb,
  bundles: Iterable<ClientBundle>,
  { chunkRows = 50_000, onProgress }: WriteOptions = {},
): Promise<DatasetCounts> {
  const counts: DatasetCounts = {
    clients: 0,
    transactions: 0,
    interactions: 0,
    feedback: 0,
    complaints: 0,
  };
  let batch = new Batch();
  let written = 0;
  const flush = async (): Promise<void> => {
    if (batch.rows === 0) return;
    await batch.write(db);
    written += batch.rows;
    batch = new Batch();
    onProgress?.(written);
  };
  for (const bundle of bundles) {
    batch.add(bundle);
    counts.clients += 1;
    counts.transactions += bundle.transactions.length;
    counts.interactions += bundle.interactions.length;
    counts.feedback += bundle.feedback.length;
    counts.complaints += bundle.complaints.length;
    if (batch.rows >= chunkRows) await flush();
  }
  await flush();
  return counts;
}
