import type { ClientBundle } from '$schema/client-bundle';

/** Every record of some bundles, table by table (what the snapshot is built from). */
export interface RecordLists extends Omit<ClientBundle, 'client'> {
  clients: ClientBundle['client'][];
}

export function emptyRecordLists(): RecordLists {
  return { clients: [], transactions: [], interactions: [], feedback: [], complaints: [] };
}

/** Adds one bundle's records to `into`. */
export function addRecords(bundle: ClientBundle, into: RecordLists): void {
  into.clients.push(bundle.client);
  for (const row of bundle.transactions) into.transactions.push(row);
  for (const row of bundle.interactions) into.interactions.push(row);
  for (const row of bundle.feedback) into.feedback.push(row);
  for (const row of bundle.complaints) into.complaints.push(row);
}

/**
 * Passes bundles through while adding their records to `into`: a writer can then build
 * the snapshot from what it wrote instead of reading a million rows back.
 */
export function* keepingRecords(
  bundles: Iterable<ClientBundle>,
  into: RecordLists,
): Generator<ClientBundle> {
  for (const bundle of bundles) {
    addRecords(bundle, into);
    yield bundle;
  }
}

/** All the records of some bundles. */
export function collectRecords(bundles: Iterable<ClientBundle>): RecordLists {
  const records = emptyRecordLists();
  for (const bundle of bundles) addRecords(bundle, records);
  return records;
}
