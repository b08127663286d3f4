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

interface EntriesEvaluation {
  createdAt?: unknown;
  entries?: { clientId?: unknown; tierId?: unknown; score?: unknown; rank?: unknown }[];
}

/**
 * Version 2 held an evaluation as one entry object per client (`clientId`, `tierId`,
 * `score`, `rank`); version 3 holds columns, clients best first, with the tiers, when and
 * how it was taken, and more columns (ABC class, RFM segment, lifecycle stage, P(active),
 * the inputs movements are explained with). What version 2 did not record stays absent:
 * the tiers are those the entries name, in the order they first appear, named by their
 * ids; it was taken when created, by hand, by engine version 3.
 */
const evaluationEntriesToColumns: BackupMigration = {
  from: 2,
  name: 'evaluation-entries-to-columns',
  head: (_key, value) => value,
  record: (table, record) => (table === 'evaluations' ? entriesToColumns(record) : record),
};

/**
 * An evaluation of the entries shape in the columns shape (the database's version-4
 * upgrade does the same to evaluations stored by versions 1–3). Frozen with the migration.
 */
export function entriesToColumns(record: Record<string, unknown>): Record<string, unknown> {
  const { entries, ...rest } = record as Record<string, unknown> & EntriesEvaluation; // read loosely: validated after
  if (!Array.isArray(entries)) return record;
  const sorted = [...entries].sort((a, b) => Number(a.rank) - Number(b.rank));
  const tierIds = [...new Set(sorted.map((e) => String(e.tierId)))];
  return {
    ...rest,
    takenAt: rest.createdAt,
    trigger: 'manual',
    modelUpdatedAt: rest.createdAt,
    engineVersion: 3,
    tiers: tierIds.map((id) => ({ id, names: { en: id, 'zh-CN': id }, colour: '#888888' })),
    clientIds: sorted.map((e) => e.clientId),
    tier: sorted.map((e) => tierIds.indexOf(String(e.tierId))),
    score: sorted.map((e) => e.score),
  };
}

/**
 * Version 4 adds what a version-3 file cannot hold: a client's contact persons
 * (`contacts`) and own hourly rate (`hourlyRate`), and the last day of a pin
 * (`pin.until`). Every one is optional, so a version-3 record is a version-4 record as it
 * is: nothing to rewrite. The version changes all the same, so that a build that knows
 * only version 3 refuses a newer file instead of importing it without those fields (its
 * schemas would drop them unseen).
 */
const contactPersonsAndPinEnds: BackupMigration = {
  from: 3,
  name: 'contact-persons-hourly-rate-pin-until',
  head: (_key, value) => value,
  record: (_table, record) => record,
};

/**
 * Version 5 adds the follow-ups' data: the tiers' playbooks (`settings.playbooks`), a
 * client's own cadence (`cadenceDays`) and a snoozed follow-up (`followUpSnooze`). Every
 * one is optional — absent, a tier follows the method's default playbook and a client its
 * tier's — so a version-4 record is a version-5 record as it is. The version changes so
 * that a build that knows only version 4 refuses the file rather than drop them unseen.
 */
const playbooksCadenceSnooze: BackupMigration = {
  from: 4,
  name: 'playbooks-cadence-snooze',
  head: (_key, value) => value,
  record: (_table, record) => record,
};

/** Every migration, oldest first; `MIGRATIONS[i].from === i + 1`. */
export const MIGRATIONS: readonly BackupMigration[] = [
  epochTimestampsToIso,
  evaluationEntriesToColumns,
  contactPersonsAndPinEnds,
  playbooksCadenceSnooze,
];

/** The oldest version this build can read. */
export const OLDEST_READABLE_VERSION = 1;

/** The migrations that bring a file of `version` up to date, in order. */
export function migrationsFrom(version: number): readonly BackupMigration[] {
  return MIGRATIONS.filter((migration) => migration.from >= version);
}
