import type { SchemaVersion } from './types';
import { v4 } from './v4';

/**
 * Version 5: the data-quality report's memory. `merges` keeps what undoing each merge of
 * two clients needs (the merged client, the kept one as it was, the ids of the records
 * moved), listed newest first by `mergedAt`; `qualityDismissals` the findings the user
 * marked "not a problem", by finding id. No existing row changes shape.
 */
export const v5: SchemaVersion = Object.freeze<SchemaVersion>({
  version: 5,
  stores: Object.freeze({ ...v4.stores, merges: 'id, mergedAt', qualityDismissals: 'id' }),
});
