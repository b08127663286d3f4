import { LiveQuery } from '$db/live.svelte';
import type { TierwiseDb } from '$db/database';
import { countRecords } from '$db/workspace';
import type { DatasetCounts } from '$schema/client-bundle';

/** Live row counts of the workspace; `undefined` until the first answer. */
export function liveCounts(db: TierwiseDb): LiveQuery<DatasetCounts> {
  return new LiveQuery(() => () => countRecords(db));
}
