import * as z from 'zod';
import { entityFields, isoDateSchema, timestampSchema } from './common';
import { EVALUATION_PERIODS } from './evaluation';
import { playbooksSchema } from './playbook';
import { CLIENT_LIST_COLUMNS, LOCALES, SETTINGS_ID, THEMES } from './settings-options';

export {
  CLIENT_LIST_COLUMNS,
  DEFAULT_BACKUP_REMINDER,
  DEFAULT_LIST_COLUMNS,
  LOCALES,
  SETTINGS_ID,
  THEMES,
  evaluationDay,
  type ClientListColumn,
  type Locale,
  type Theme,
} from './settings-options';

/** When to remind the user to export a backup, and what the last export saw. */
export const backupReminderSchema = z.object({
  /** When the last backup was exported (absent: never). */
  lastExportAt: timestampSchema.optional(),
  /** The change-log position (`changes.seq`) the last export included. */
  lastExportSeq: z.int().min(0).default(0),
  /** Remind once this many days have passed since the last export… */
  remindAfterDays: z.int().min(1).max(365).default(7),
  /** …or once this many changes were saved since. */
  remindAfterChanges: z.int().min(1).max(1_000_000).default(200),
});
export type BackupReminder = z.infer<typeof backupReminderSchema>;

export const settingsSchema = z.object({
  ...entityFields,
  id: z.literal(SETTINGS_ID),
  /** Unset: follow the browser's language. */
  locale: z.enum(LOCALES).optional(),
  theme: z.enum(THEMES).default('system'),
  /** ISO 4217 code every amount is in. */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: 'Use a three-letter currency code such as USD or CNY.' })
    .default('USD'),
  /** Absent until the user first exports or configures the reminder: the defaults apply. */
  backupReminder: backupReminderSchema.optional(),
  /** One client's share of 12-month revenue, in %, above which the dashboard warns (unset: 30). */
  concentrationWarningPercent: z.number().min(1).max(100).optional(),
  /**
   * The day every figure is computed as of (docs/scoring.md): `today` (the user chose it),
   * a fixed date (for a history that ended in the past), or absent — today, and the app may
   * offer the day of the latest invoice when the history ended long ago.
   */
  evaluationDate: z.union([z.literal('today'), isoDateSchema]).optional(),
  /** How often evaluations are taken automatically (absent: monthly). */
  evaluationPeriod: z.enum(EVALUATION_PERIODS).optional(),
  /** The Clients list's columns, in order (absent: `DEFAULT_LIST_COLUMNS`). */
  listColumns: z.array(z.enum(CLIENT_LIST_COLUMNS)).max(CLIENT_LIST_COLUMNS.length).optional(),
  /**
   * The score tiers' playbooks the user saved, by tier id; a tier without one follows the
   * method's default (`cadenceByTier`, docs/follow-ups.md).
   */
  playbooks: playbooksSchema.optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
