import type { SchemaVersion } from './types';

/**
 * Version 1: the client profile and what hangs off it. Only what the UI queries is
 * indexed (each index costs 10–15% on bulk writes): one client's records in date order
 * through `[clientId+date]`, clients by name, evaluations by date.
 */
export const v1: SchemaVersion = Object.freeze({
  version: 1,
  stores: Object.freeze({
    clients: 'id, name',
    transactions: 'id, [clientId+date]',
    interactions: 'id, [clientId+date], followUpDate',
    feedback: 'id, [clientId+date]',
    complaints: 'id, [clientId+openedAt]',
    evaluations: 'id, asOf',
    models: 'id',
    settings: 'id',
  }),
});
