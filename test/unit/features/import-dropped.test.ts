import { beforeEach, describe, expect, it } from 'vitest';
import type { AppServices } from '$features/context';
import { BackupRestore } from '$features/data/backup-restore.svelte';
import { CsvImport } from '$features/data/csv-import.svelte';
import { en } from '$i18n/en';
import type { I18n } from '$i18n/i18n.svelte';
import { translate } from '$i18n/translate';

/** sessionStorage as a tab has it: kept across the reload, gone with the tab. */
class TabStorage {
  #items = new Map<string, string>();
  getItem = (key: string): string | null => this.#items.get(key) ?? null;
  setItem = (key: string, value: string): void => void this.#items.set(key, value);
  removeItem = (key: string): void => void this.#items.delete(key);
}

/** What the worker throws when another tab's import swapped the workspace away. */
const closed = (): Error =>
  Object.assign(new Error('Database has been closed'), { name: 'DatabaseClosedError' });

const i18n = {
  t: (key, params) => translate(en, key, params),
  number: (n: number) => String(n),
} as I18n; // only these are used

function services(worker: object): AppServices {
  // The state classes call the few worker methods each test gives.
  return { worker, i18n, today: () => '2026-12-01' } as unknown as AppServices;
}

beforeEach(() => {
  Object.assign(globalThis, { sessionStorage: new TabStorage() });
});

describe('an import dropped by another tab’s swap', () => {
  it('a CSV import says, after the reload, that it did not happen and why', async () => {
    const worker = {
      applyCsv: () => Promise.reject(closed()),
      discardCsv: () => undefined,
    };
    const csv = new CsvImport(services(worker));
    // apply reads the token and what needs confirming only
    csv.report = {
      token: 't',
      accepted: 3,
      unitPriceAsAmount: null,
      foreignCurrency: null,
    } as CsvImport['report'];
    await csv.apply();
    expect(csv.phase).toBe('switching');

    // The page reloads: a new import card reads what the old one kept.
    const after = new CsvImport(services(worker));
    expect(after.phase).toBe('error');
    expect(after.message).toBe(en['csv.droppedBySwap']);
    // Said once only.
    expect(new CsvImport(services(worker)).phase).toBe('idle');
  });

  it('a backup restore says the same', async () => {
    const worker = { applyBackup: () => Promise.reject(closed()) };
    const restore = new BackupRestore(services(worker));
    await restore.apply('merge');
    expect(restore.phase).toBe('switching');
    const after = new BackupRestore(services(worker));
    expect(after.phase).toBe('error');
    expect(after.message).toBe(en['backup.import.droppedBySwap']);
  });

  it('any other failure is said at once, in words', async () => {
    const quota = Object.assign(new Error('QuotaExceededError'), { name: 'AbortError' });
    const worker = { applyBackup: () => Promise.reject(quota) };
    const restore = new BackupRestore(services(worker));
    await restore.apply('merge');
    expect(restore.phase).toBe('error');
    expect(restore.message).toContain(en['app.storageFull']);
    expect(restore.message).not.toContain('QuotaExceededError');
  });
});
