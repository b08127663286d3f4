import type { BackupReminder, Settings } from './settings';

/*
 * The settings' choices and defaults, apart from their zod schema (settings.ts, which
 * re-exports them): the code a start runs reads these, and carries no zod (see
 * `startChunk` in vite.config.ts).
 */

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Columns the Clients list can show besides rank and name (`settings.listColumns`). */
export const CLIENT_LIST_COLUMNS = [
  'tier',
  'score',
  'lifecycle',
  'pActive',
  'lastContact',
  'company',
  'tags',
  'value',
  'needs',
  'loyalty',
  'potential',
  'abc',
  'rfm',
  'segment',
  'clv12m',
  'lastPurchase',
] as const;
export type ClientListColumn = (typeof CLIENT_LIST_COLUMNS)[number];

/** What the list shows until the user chooses: enough to act on, readable on a laptop. */
export const DEFAULT_LIST_COLUMNS: readonly ClientListColumn[] = [
  'tier',
  'score',
  'lifecycle',
  'pActive',
  'lastContact',
];

/** The one settings record of a workspace; its id is always `SETTINGS_ID`. */
export const SETTINGS_ID = 'workspace';

export const DEFAULT_BACKUP_REMINDER: BackupReminder = {
  lastExportSeq: 0,
  remindAfterDays: 7,
  remindAfterChanges: 200,
};

/** The day scores are as of: the fixed evaluation date, else `today` (YYYY-MM-DD). */
export function evaluationDay(settings: Pick<Settings, 'evaluationDate'>, today: string): string {
  const chosen = settings.evaluationDate;
  return chosen === undefined || chosen === 'today' ? today : chosen;
}
