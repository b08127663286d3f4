import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { LARGE_DATASET, SAMPLE_DATASET } from '$backup/sample/plan-dataset';
import { insertRecords } from '$db/backup-store';
import { snapshotCounts } from '$db/derived-records';
import { clearAllData } from '$db/workspace';
import { buildSnapshot } from '$engine/index';
import { isIsoDate } from '$lib/dates';
import type { DatasetCounts } from '$schema/client-bundle';
import type { WorkspaceWriter } from './workspace-writer';

/** Thrown when sample data would be mixed into a workspace that already has clients. */
export class WorkspaceNotEmptyError extends Error {
  override name = 'WorkspaceNotEmptyError';
}

/** The generated datasets: the sample to explore, the large one to try Tierwise at scale. */
const DATASETS = { sample: SAMPLE_DATASET, large: LARGE_DATASET } as const;
export type DatasetSize = keyof typeof DATASETS;

/** What loading a dataset wrote: `swapped` when a new database replaced the workspace. */
export interface DatasetLoaded {
  counts: DatasetCounts;
  swapped: boolean;
}

/**
 * The whole workspace at once: filling an empty one with a generated dataset, and
 * deleting every client. Each is all or nothing — one transaction, or for a dataset above
 * `swap.stagingRows` a staging database swapped in — so a closed tab or a full disk never
 * leaves half a dataset, or cleared tables the scorer was not told about.
 */
export class WorkspaceService {
  readonly #writer: WorkspaceWriter;

  constructor(writer: WorkspaceWriter) {
    this.#writer = writer;
  }

  /**
   * Fills an empty workspace with generated data ending on `asOf` (`YYYY-MM-DD`).
   * @param onProgress rows written so far
   * @throws WorkspaceNotEmptyError when the workspace has a client (nothing is written)
   */
  async loadSample(
    asOf: string,
    size: DatasetSize,
    onProgress?: (rowsWritten: number) => void,
  ): Promise<DatasetLoaded> {
    if (!isIsoDate(asOf)) throw new RangeError(`Not a date: ${asOf}`);
    return this.#writer.withWriteLock(async () => {
      if ((await this.#writer.db.clients.toCollection().first()) !== undefined) {
        throw new WorkspaceNotEmptyError('The workspace already has clients.');
      }
      const records = collectRecords(generateDataset({ ...DATASETS[size], asOf }));
      // Built from the records in hand: the scorer never reads back what was just written.
      const snapshot = buildSnapshot(records);
      const counts = snapshotCounts(snapshot);
      const rows = { ...records };
      const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
      if (total > this.#writer.swap.stagingRows) {
        await this.#writer.swap.swapInCopyWith(rows, 'add', snapshot, onProgress);
        return { counts, swapped: true };
      }
      const seq = await insertRecords(this.#writer.db, rows, { snapshot }, { onProgress });
      if (seq !== null) this.#writer.scoring.adopt(snapshot, seq);
      return { counts, swapped: false };
    });
  }

  /** Deletes every client and record (the model and settings stay), in one transaction. */
  async clearAll(): Promise<void> {
    await this.#writer.withWriteLock(() => clearAllData(this.#writer.db));
  }
}
