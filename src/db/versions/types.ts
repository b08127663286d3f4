import type { Transaction } from 'dexie';

/**
 * One step of the database's history. Steps are append-only and frozen once released:
 * a step never imports live app code (schemas, repositories), because the app will
 * change and the step must keep doing exactly what it did for databases still at the
 * version before it.
 */
export interface SchemaVersion {
  readonly version: number;
  /** Dexie store specs: primary key first, then indexes; `null` deletes a table. */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing rows to the new shape, inside Dexie's upgrade transaction. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}
