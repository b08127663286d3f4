import { liveQuery, type Observable } from 'dexie';
import type { BackupReminder } from '$schema/settings';
import { DEFAULT_BACKUP_REMINDER, SETTINGS_ID } from '$schema/settings-options';
import type { TierwiseDb } from './database';
import { hasClients } from './client-repository';
import { readSettings } from './settings-repository';
import { snapshotSeq } from './snapshot-store';

/**
 * How far the change log has got: the highest seq ever written. Every saved record adds a
 * change (a bulk import adds one for everything); the scorer deletes changes only when
 * the snapshot stores their seq, so the larger of the two never goes back.
 */
export async function changeSeq(db: TierwiseDb): Promise<number> {
  const [last, stored] = await Promise.all([db.changes.orderBy('seq').last(), snapshotSeq(db)]);
  return Math.max(last?.seq ?? 0, stored);
}

export interface ReminderStatus {
  reminder: BackupReminder;
  /** Whole days since the last export (or since the workspace was created). */
  days: number;
  /** Changes saved since the last export. */
  changes: number;
  /** Whether there is anything to back up. */
  hasClients: boolean;
  due: boolean;
}

/** Whether to remind the user to export, as of `now`. */
export async function readReminderStatus(db: TierwiseDb, now: Date): Promise<ReminderStatus> {
  // Whether there are clients, not how many: counting walks every row and holds up the
  // database for everyone, and this runs after every change.
  const [settings, seq, anyClient] = await Promise.all([
    readSettings(db),
    changeSeq(db),
    hasClients(db),
  ]);
  const reminder = settings.backupReminder ?? DEFAULT_BACKUP_REMINDER;
  const since = Date.parse(reminder.lastExportAt ?? settings.createdAt);
  const days = Math.max(0, Math.floor((now.getTime() - since) / 86_400_000));
  const changes = Math.max(0, seq - reminder.lastExportSeq);
  const due =
    anyClient && (days >= reminder.remindAfterDays || changes >= reminder.remindAfterChanges);
  return { reminder, days, changes, hasClients: anyClient, due };
}

/** The reminder status, following the database (for the page). */
export function watchReminder(db: TierwiseDb, now: () => Date): Observable<ReminderStatus> {
  return liveQuery(() => readReminderStatus(db, now()));
}

/** Notes an export that included everything up to change `seq`. */
export async function recordExport(db: TierwiseDb, seq: number, now: Date): Promise<void> {
  await updateReminder(db, { lastExportAt: now.toISOString(), lastExportSeq: seq });
}

/**
 * Changes the reminder's settings or state after validating them.
 * @throws ZodError when the result is invalid (nothing is written)
 */
export async function updateReminder(
  db: TierwiseDb,
  patch: Partial<BackupReminder>,
): Promise<BackupReminder> {
  // Loaded before the transaction, which an unrelated wait would end (see settings-repository.ts).
  const { backupReminderSchema } = await import('$schema/settings');
  return db.transaction('rw', db.settings, async () => {
    const settings = await readSettings(db);
    const reminder = backupReminderSchema.parse({
      ...(settings.backupReminder ?? DEFAULT_BACKUP_REMINDER),
      ...patch,
    });
    // Device bookkeeping, not user data: `updatedAt` (which merges compare) stays.
    await db.settings.update(SETTINGS_ID, { backupReminder: reminder });
    return reminder;
  });
}
