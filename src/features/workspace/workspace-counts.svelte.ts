import { LiveQuery } from '$db/live.svelte';
import type { TierwiseDb } from '$db/database';
import { currentCounts } from '$db/workspace';
import type { DatasetCounts } from '$schema/client-bundle';

/** Live row counts of the workspace, as of its latest scores; `undefined` until the first answer. */
export function liveCounts(db: TierwiseDb): LiveQuery<DatasetCounts> {
  return new LiveQuery(() => () => currentCounts(db));
}
