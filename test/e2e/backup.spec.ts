import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { deleteAllData, dumpUserTables, exportBackup, loadSampleData, openApp } from './app';

async function readBackup(page: Page, path: string, passphrase = ''): Promise<void> {
  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByLabel('Passphrase (for encrypted backups)').fill(passphrase);
  await page.getByRole('button', { name: 'Read backup' }).click();
}

async function replaceWith(page: Page): Promise<void> {
  const preview = page.getByTestId('backup-preview');
  await expect(preview.locator('[data-table="clients"] [data-cell="records"]')).toHaveText('60');
  const automatic = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Replace everything' }).click();
  expect((await automatic).suggestedFilename()).toMatch(/^tierwise-before-import-/);
  await expect(page.locator('[data-phase="done"]')).toContainText('Imported');
  await expect(page.locator('[data-count="clients"]')).toHaveText('60');
}

test('export a backup, delete everything, import it: every table is as it was', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/data');
  const path = await exportBackup(page);
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  expect(file).toMatchObject({ format: 'tierwise-backup', version: 5 });
  const original = await dumpUserTables(page);
  await expect(page.getByTestId('last-backup')).toContainText('Last backup');

  await deleteAllData(page);
  expect(await dumpUserTables(page)).not.toBe(original);
  await readBackup(page, path);
  await expect(page.getByTestId('backup-summary')).toContainText('Format version 5');
  await replaceWith(page);
  expect(JSON.parse(await dumpUserTables(page))).toStrictEqual(JSON.parse(original));

  // The imported clients are scored and listed.
  await openApp(page, '/clients');
  await expect(page.locator('[data-cell="rank"]').first()).toHaveText('1', { timeout: 30_000 });
});

test('an encrypted backup opens with the right passphrase only; a wrong one changes nothing', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/data');
  const path = await exportBackup(page, 'correct horse battery');
  expect(readFileSync(path, 'utf8')).not.toContain('"clients"');
  const original = await dumpUserTables(page);
  await deleteAllData(page);
  const empty = await dumpUserTables(page);

  await readBackup(page, path, 'wrong horse battery');
  await expect(page.locator('[data-phase="error"]')).toHaveText(
    'Nothing was changed. The passphrase does not open this backup. Check it (capital letters count); if you are sure it is right, the file is damaged.',
  );
  expect(await dumpUserTables(page)).toBe(empty);

  await readBackup(page, path, 'correct horse battery');
  await expect(page.getByTestId('backup-summary')).toContainText('encrypted');
  await replaceWith(page);
  expect(JSON.parse(await dumpUserTables(page))).toStrictEqual(JSON.parse(original));
});

test('a file that is not a backup is refused and changes nothing', async ({ page }, info) => {
  await loadSampleData(page);
  await openApp(page, '/data');
  const before = await dumpUserTables(page);
  const path = info.outputPath('not-a-backup.json');
  writeFileSync(
    path,
    '{"format":"tierwise-backup","version":3,"exportedAt":"2026-01-01T00:00:00Z"',
  );
  await readBackup(page, path);
  await expect(page.locator('[data-phase="error"]')).toContainText('The file ends too early');
  expect(await dumpUserTables(page)).toBe(before);
});

test('merging a backup adds what is missing and leaves identical records alone', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/data');
  const path = await exportBackup(page);
  const original = await dumpUserTables(page);
  await deleteAllData(page);

  await readBackup(page, path);
  const clients = page.getByTestId('backup-preview').locator('[data-table="clients"]');
  await expect(clients.locator('[data-cell="new"]')).toHaveText('60');
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.locator('[data-phase="done"]')).toContainText('Imported');
  await expect(page.locator('[data-count="clients"]')).toHaveText('60');
  expect(JSON.parse(await dumpUserTables(page))).toStrictEqual(JSON.parse(original));

  // The same file again: nothing new, nothing newer, nothing written.
  await readBackup(page, path);
  await expect(clients.locator('[data-cell="new"]')).toHaveText('0');
  await expect(clients.locator('[data-cell="changed"]')).toHaveText('0');
  await expect(clients.locator('[data-cell="conflict"]')).toHaveText('0');
  const before = await dumpUserTables(page);
  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.locator('[data-phase="done"]')).toContainText('Imported 0 records');
  expect(await dumpUserTables(page)).toBe(before);
});
