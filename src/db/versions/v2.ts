import type { SchemaVersion } from './types';
import { v1 } from './v1';

/**
 * Version 2: derived data for scoring. `snapshots` holds the engine's columnar input
 * (one record per table of columns), `scores` the latest results, and `changes` the ids
 * of clients whose records changed since the snapshot was last brought up to date (an
 * outbox the scoring worker drains). No existing row changes shape: a version-1
 * database gets its first snapshot built from its rows by the worker.
 */
export const v2: SchemaVersion = Object.freeze({
  version: 2,
  stores: Object.freeze({
    ...v1.stores,
    snapshots: 'part',
    scores: 'id',
    changes: '++seq',
  }),
});
