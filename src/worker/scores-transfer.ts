import type { ScoresRecord } from '$db/derived-records';
import type { DatasetCounts } from '$schema/client-bundle';
import { yieldToMessages } from './yield-to-messages';

/**
 * A scores record as sent to the saver worker: every typed-array column a copy whose
 * buffer is transferred (moved, not cloned: a memory copy of a few megabytes), and the
 * 50,000 ids as one JSON string (cloning one string is a copy; cloning 50,000 is not).
 */
export interface ScoresToSave {
  record: Omit<ScoresRecord, 'clientIds'>;
  clientIds: string;
  counts: DatasetCounts;
}

type Column = ScoresRecord['rank'] | ScoresRecord['composite'] | ScoresRecord['windowRevenue'];

/** The ids last sent and their JSON: from one edit to the next they are the same clients. */
let lastIds: { ids: readonly string[]; json: string } | null = null;

function idsAsJson(ids: readonly string[]): string {
  if (lastIds === null || !sameIds(lastIds.ids, ids)) {
    lastIds = { ids: ids.slice(), json: JSON.stringify(ids) };
  }
  return lastIds.json;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The message for `record` and the buffers to transfer with it. Copying takes tens of
 * milliseconds at 50,000 clients, right when the page asks for the scores just pushed to
 * it: `pause` is awaited between columns, so its questions are answered in between.
 */
export async function scoresToSave(
  record: ScoresRecord,
  counts: DatasetCounts,
  pause: () => Promise<void> = yieldToMessages,
): Promise<{ message: ScoresToSave; transfer: ArrayBuffer[] }> {
  const transfer: ArrayBuffer[] = [];
  const copy = async <T extends Column>(column: T): Promise<T> => {
    await pause();
    const copied = column.slice() as T; // slice keeps the array type
    transfer.push(copied.buffer as ArrayBuffer); // a fresh, unshared buffer
    return copied;
  };
  const { clientIds, dimensions, ...rest } = record;
  const copied: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    copied[key] = ArrayBuffer.isView(value) ? await copy(value as Column) : value; // a record column
  }
  const dimensionCopies: Record<string, Column> = {};
  for (const [key, column] of Object.entries(dimensions)) {
    dimensionCopies[key] = await copy(column);
  }
  // The same keys and types as `record`: each typed-array column replaced by its copy.
  const columns = {
    ...copied,
    dimensions: dimensionCopies,
  } as unknown as Omit<ScoresRecord, 'clientIds'>;
  await pause();
  return { message: { record: columns, clientIds: idsAsJson(clientIds), counts }, transfer };
}

/** The record a `ScoresToSave` carries. */
export function savedScores(message: ScoresToSave): ScoresRecord {
  return { ...message.record, clientIds: JSON.parse(message.clientIds) as string[] }; // written by scoresToSave
}
