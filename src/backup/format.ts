import * as z from 'zod';
import { clientSchema, type Client } from '$schema/client';
import { timestampSchema } from '$schema/common';
import { complaintSchema, type Complaint } from '$schema/complaint';
import { evaluationSchema, type EvaluationRecord } from '$schema/evaluation';
import { feedbackSchema, type Feedback } from '$schema/feedback';
import { interactionSchema, type Interaction } from '$schema/interaction';
import { scoringModelSchema, type ScoringModel } from '$schema/scoring-model';
import { settingsSchema, type Settings } from '$schema/settings';
import { transactionSchema, type Transaction } from '$schema/transaction';

/**
 * The Tierwise backup file (docs/backup-format.md). One JSON document:
 * `{ format, version, exportedAt, appVersion, counts, data: { <table>: [records] } }`,
 * with the head members first so a reader knows what it holds before the records stream.
 */
export const BACKUP_FORMAT = 'tierwise-backup';

/** The version this build writes. Older versions are migrated forward on import. */
export const BACKUP_VERSION = 5;

/**
 * Every table a backup holds, in the order they are written: settings and the model
 * first, clients before the records that name them. Derived tables (snapshots, scores,
 * changes) are rebuilt after an import and never written.
 */
export const BACKUP_TABLES = [
  'settings',
  'models',
  'clients',
  'transactions',
  'interactions',
  'feedback',
  'complaints',
  'evaluations',
] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** The record types, table by table. */
export interface BackupRecords {
  settings: Settings;
  models: ScoringModel;
  clients: Client;
  transactions: Transaction;
  interactions: Interaction;
  feedback: Feedback;
  complaints: Complaint;
  evaluations: EvaluationRecord;
}

export type BackupData = { [T in BackupTable]: BackupRecords[T][] };

/** The schema each record of a table must pass before anything is written. */
export const RECORD_SCHEMAS: { [T in BackupTable]: z.ZodType<BackupRecords[T]> } = {
  settings: settingsSchema,
  models: scoringModelSchema,
  clients: clientSchema,
  transactions: transactionSchema,
  interactions: interactionSchema,
  feedback: feedbackSchema,
  complaints: complaintSchema,
  evaluations: evaluationSchema,
};

export type BackupCounts = Record<BackupTable, number>;

export function isBackupTable(name: string): name is BackupTable {
  return (BACKUP_TABLES as readonly string[]).includes(name);
}

export function emptyBackupData(): BackupData {
  return {
    settings: [],
    models: [],
    clients: [],
    transactions: [],
    interactions: [],
    feedback: [],
    complaints: [],
    evaluations: [],
  };
}

/** The head of a current-version backup: every member but `data`. */
export const backupHeadSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: timestampSchema,
  appVersion: z.string().max(50),
  counts: z.record(z.enum(BACKUP_TABLES), z.int().min(0)).optional(),
});
export type BackupHead = z.infer<typeof backupHeadSchema>;

/**
 * The whole current-version file as one zod schema: the source of the JSON Schema
 * shipped in `public/backup.schema.json` (imports validate head and records separately,
 * as they stream).
 */
export const backupFileSchema = backupHeadSchema.extend({
  data: z.object({
    settings: z.array(settingsSchema).length(1),
    models: z.array(scoringModelSchema).min(1),
    clients: z.array(clientSchema),
    transactions: z.array(transactionSchema),
    interactions: z.array(interactionSchema),
    feedback: z.array(feedbackSchema),
    complaints: z.array(complaintSchema),
    evaluations: z.array(evaluationSchema),
  }),
});

/**
 * The file name of an export made on `date` (`YYYY-MM-DD`, the user's day).
 * @param encrypted whether the file is the encrypted wrapper
 */
export function backupFileName(date: string, encrypted: boolean): string {
  return `tierwise-backup-${date}${encrypted ? '.encrypted' : ''}.json`;
}

/** The opening of a backup file up to the first table, as written. */
export function backupOpening(head: BackupHead): string {
  return `${JSON.stringify(head).slice(0, -1)},"data":{`;
}

/** The text of one table: `"name":[` + records one per line + `]`. */
export function tableOpening(table: BackupTable, first: boolean): string {
  return `${first ? '' : ','}\n"${table}":[`;
}

/** Records are written one a line: `\n` before the first, `,\n` before the others. */
export function recordSeparator(first: boolean): string {
  return first ? '\n' : ',\n';
}

export const TABLE_CLOSING = '\n]';
export const BACKUP_CLOSING = '}}\n';
