import type { ScoresRecord } from '$db/derived-records';
import type { DatasetCounts } from '$schema/client-bundle';
import { scoresToSave } from './scores-transfer';

/** Saves scores records; resolves once written. */
export type StoreScores = (record: ScoresRecord, counts: DatasetCounts) => Promise<void>;

/**
 * Saves scores records from a worker of its own (`scores-saver.worker.ts`), so the
 * scoring worker stays free to answer the page while they are written.
 */
export function offThreadScoresStore(databaseName: string): StoreScores {
  const waiting = new Map<number, { resolve(): void; reject(error: Error): void }>();
  let next = 1;
  let saver: Worker | null = null;
  // Started at the first save, not with the app: a start on current scores saves nothing,
  // and the first list should not wait while another worker's code is compiled.
  const start = (): Worker => {
    const worker = new Worker(new URL('./scores-saver.worker.ts', import.meta.url), {
      type: 'module',
      name: databaseName,
    });
    worker.onmessage = (event: MessageEvent<{ id: number; error: string | null }>) => {
      const { id, error } = event.data;
      const request = waiting.get(id);
      waiting.delete(id);
      if (error === null) request?.resolve();
      else request?.reject(new Error(error));
    };
    // The saver failed to start or crashed: nothing waiting will be written.
    worker.onerror = (event) => {
      for (const request of waiting.values()) request.reject(new Error(event.message));
      waiting.clear();
    };
    return worker;
  };
  return async (record, counts) => {
    const { message, transfer } = await scoresToSave(record, counts);
    return new Promise<void>((resolve, reject) => {
      const id = next++;
      waiting.set(id, { resolve, reject });
      saver ??= start();
      saver.postMessage({ id, ...message }, transfer);
    });
  };
}
