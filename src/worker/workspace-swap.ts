import { ImportFailure } from '$backup/problem';
import type { TierwiseDb } from '$db/database';
import type { Snapshot } from '$engine/index';
import { stageCopyWith, STAGING_ROWS } from '$db/staging';
import type { WorkspacePointer } from '$db/workspace-pointer';

/** Tabs of the workspace hear on this channel that another database was swapped in. */
export const WORKSPACE_CHANNEL = 'tierwise:workspace';

export interface SwapMessage {
  type: 'swapped';
  /** The database the pointer now names. */
  name: string;
}

/** How long a swap waits for the old database to be deleted before it reports success. */
const DELETE_WAIT_MS = 10_000;

/** What an import needs to write a very large workspace into a staging database. */
export interface WorkspaceSwap {
  /** Above this many rows, a write is staged (STAGING_ROWS; tests pass fewer). */
  readonly stagingRows: number;
  readonly pointer: WorkspacePointer;
  /** The pointer now names `name`: stop using this worker's database and drop it. */
  swapped(name: string): Promise<void>;
  /**
   * Copies the workspace into a staging database with `rows` added (`add`) or merged
   * (`put`) and swaps it in (`stageCopyWith`); an edit made meanwhile refuses it with
   * the `changedMeanwhile` problem.
   */
  swapInCopyWith(
    rows: Record<string, readonly unknown[]>,
    mode: 'add' | 'put',
    snapshot: Snapshot | null,
    onProgress?: (rows: number, total: number) => void,
  ): Promise<void>;
}

/**
 * The swap as the worker performs it. Once the pointer has moved this worker's
 * connection is closed for good (a closed Dexie database refuses writes rather than
 * reopening), every tab is told to reload onto the new database — the page of this
 * worker too — and the old database is deleted. Its deletion waits for other tabs'
 * connections, which close on `versionchange`; a deletion still waiting after
 * DELETE_WAIT_MS finishes on its own, or is redone at the next start (`deleteLeftovers`).
 */
export function workerSwap(
  db: TierwiseDb,
  pointer: WorkspacePointer,
  stop: () => void,
  stagingRows: number = STAGING_ROWS,
): WorkspaceSwap {
  const swap: WorkspaceSwap = {
    stagingRows,
    pointer,
    async swapInCopyWith(rows, mode, snapshot, onProgress) {
      const name = await stageCopyWith(
        pointer,
        db,
        rows,
        mode,
        snapshot,
        () => new ImportFailure({ code: 'changedMeanwhile', params: {} }),
        onProgress,
      );
      await swap.swapped(name);
    },
    async swapped(name) {
      stop();
      const deletion = db.delete().catch(() => {});
      const channel = new BroadcastChannel(WORKSPACE_CHANNEL);
      channel.postMessage({ type: 'swapped', name } satisfies SwapMessage);
      channel.close();
      await Promise.race([deletion, new Promise((resolve) => setTimeout(resolve, DELETE_WAIT_MS))]);
    },
  };
  return swap;
}
