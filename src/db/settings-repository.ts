import type { Settings } from '$schema/settings';
import { SETTINGS_ID } from '$schema/settings-options';
import type { TierwiseDb } from './database';

export type SettingsPatch = Partial<
  Pick<
    Settings,
    | 'locale'
    | 'theme'
    | 'currency'
    | 'concentrationWarningPercent'
    | 'evaluationDate'
    | 'evaluationPeriod'
    | 'listColumns'
    | 'playbooks'
  >
>;

/** The workspace settings; the database creates them, so they always exist. */
export async function readSettings(db: TierwiseDb): Promise<Settings> {
  const settings = await db.settings.get(SETTINGS_ID);
  if (!settings) throw new Error('The settings record is missing.');
  return settings;
}

/**
 * Applies a change to the settings after validating the result.
 * @throws ZodError when the patch would make the settings invalid (nothing is written)
 */
export async function updateSettings(
  db: TierwiseDb,
  patch: SettingsPatch,
  now: Date = new Date(),
): Promise<Settings> {
  // The schema loads with the first save (a start carries no zod: see `startChunk` in
  // vite.config.ts), before the transaction: Dexie ends a transaction that waits on
  // anything but the database.
  const { settingsSchema } = await import('$schema/settings');
  return db.transaction('rw', db.settings, async () => {
    const current = await readSettings(db);
    const next = settingsSchema.parse({ ...current, ...patch, updatedAt: now.toISOString() });
    // `locale: undefined` means "follow the browser": drop the key rather than store it.
    if (patch.locale === undefined && 'locale' in patch) delete next.locale;
    await db.settings.put(next);
    return next;
  });
}
