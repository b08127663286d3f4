import type { ScoresRecord } from '$db/derived-records';
import type { DatasetCounts } from '$schema/client-bundle';

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

/** The message for `record` and the buffers to transfer with it. */
export function scoresToSave(
  record: ScoresRecord,
  counts: DatasetCounts,
): { message: ScoresToSave; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const copy = <T extends Column>(column: T): T => {
    const copied = column.slice() as T; // slice keeps the array type
    transfer.push(copied.buffer as ArrayBuffer); // a fresh, unshared buffer
    return copied;
  };
  const { clientIds, ...rest } = record;
  const copied: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    copied[key] = ArrayBuffer.isView(value) ? copy(value as Column) : value; // a record column
  }
  // The same keys and types as `rest`: each typed-array column replaced by its copy.
  const columns = copied as unknown as Omit<ScoresRecord, 'clientIds'>;
  columns.dimensions = Object.fromEntries(
    Object.entries(record.dimensions).map(([key, column]) => [key, copy(column)]),
  ) as ScoresRecord['dimensions']; // the same dimension keys
  return { message: { record: columns, clientIds: JSON.stringify(clientIds), counts }, transfer };
}

/** The record a `ScoresToSave` carries. */
export function savedScores(message: ScoresToSave): ScoresRecord {
  return { ...message.record, clientIds: JSON.parse(message.clientIds) as string[] }; // written by scoresToSave
}
