/**
 * Append-only migrations of the backup format. Each one turns a file of version `from`
 * into version `from + 1`, member by member and record by record (files are streamed, so
 * a migration never sees the whole file). Never edit a released migration: add one.
 */
export interface BackupMigration {
  readonly from: number;
  readonly name: string;
  /** Rewrites one head member (`exportedAt`, `counts`, …). */
  head(key: string, value: unknown): unknown;
  /** Rewrites one record of `table`. */
  record(table: string, record: Record<string, unknown>): Record<string, unknown>;
}

const epochToIso = (value: unknown): unknown =>
  typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : value;

/**
 * Version 1 wrote every timestamp (`createdAt`, `updatedAt`, `exportedAt`, a pin's
 * `pinnedAt`) as epoch milliseconds; version 2 writes ISO 8601 strings, as the database
 * stores them, and adds `counts` (optional, so nothing to fill in).
 */
const epochTimestampsToIso: BackupMigration = {
  from: 1,
  name: 'epoch-timestamps-to-iso',
  head: (key, value) => (key === 'exportedAt' ? epochToIso(value) : value),
  record(_table, record) {
    const next: Record<string, unknown> = { ...record };
    if ('createdAt' in next) next['createdAt'] = epochToIso(next['createdAt']);
    if ('updatedAt' in next) next['updatedAt'] = epochToIso(next['updatedAt']);
    const pin = next['pin'];
    if (pin && typeof pin === 'object' && 'pinnedAt' in pin) {
      next['pin'] = { ...pin, pinnedAt: epochToIso(pin.pinnedAt) };
    }
    return next;
  },
};

/** Every migration, oldest first; `MIGRATIONS[i].from === i + 1`. */
export const MIGRATIONS: readonly BackupMigration[] = [epochTimestampsToIso];

/** The oldest version this build can read. */
export const OLDEST_READABLE_VERSION = 1;

/** The migrations that bring a file of `version` up to date, in order. */
export function migrationsFrom(version: number): readonly BackupMigration[] {
  return MIGRATIONS.filter((migration) => migration.from >= version);
}
