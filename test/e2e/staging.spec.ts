import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { loadSampleData, openApp, workspaceDatabases } from './app';

/** Above the staging threshold (100,000 rows), so a replace writes a new database. */
const EXTRA_INVOICES = 101_000;

/**
 * The sample's backup with a hundred thousand more invoices of its clients, written to a
 * file; the workspace holds the sample.
 */
async function largeBackup(
  page: Page,
  testInfo: TestInfo,
): Promise<{ path: string; total: number }> {
  await loadSampleData(page);
  await openApp(page, '/data');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const small = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
    counts: Record<string, number>;
    data: { transactions: Record<string, unknown>[] };
  };
  const [first] = small.data.transactions;
  for (let i = 0; i < EXTRA_INVOICES; i += 1) {
    small.data.transactions.push({ ...first, id: `bulk-${i}`, amount: 10 + (i % 90) });
  }
  small.counts['transactions'] = small.data.transactions.length;
  const path = testInfo.outputPath('large-backup.json');
  writeFileSync(path, JSON.stringify(small));
  return { path, total: small.data.transactions.length };
}

/** The pointer names a staging database, and it is the only workspace database left. */
async function expectSwapped(page: Page): Promise<string> {
  await expect
    .poll(async () => /^tierwise-[0-9a-f-]{36}$/.test((await workspaceDatabases(page)).active))
    .toBe(true);
  const { active, all } = await workspaceDatabases(page);
  expect(all).toContain(active);
  expect(all).not.toContain('tierwise');
  expect(all.filter((name) => /^tierwise-[0-9a-f-]{36}$/.test(name))).toEqual([active]);
  return active;
}

test('a replace above the staging threshold swaps in a new database and drops the old one', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { path, total } = await largeBackup(page, testInfo);
  expect((await workspaceDatabases(page)).active).toBe('tierwise');

  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByRole('button', { name: 'Read backup' }).click();
  await expect(page.getByTestId('backup-preview')).toBeVisible({ timeout: 60_000 });
  const automatic = page.waitForEvent('download');
  const reloaded = page.waitForEvent('load', { timeout: 180_000 });
  await page.getByRole('button', { name: 'Replace everything' }).click();
  expect((await automatic).suggestedFilename()).toMatch(/^tierwise-before-import-/);
  await reloaded;

  // The page reloaded onto the new database and still says what the import did.
  await expect(page.locator('[data-phase="done"]')).toContainText('Imported');
  await expect(page.locator('[data-count="transactions"]')).toHaveText(total.toLocaleString('en'));
  const active = await expectSwapped(page);

  // The imported clients are scored and listed from the new database, after a reload too.
  await openApp(page, '/clients');
  await expect(page.locator('[data-cell="rank"]').first()).toHaveText('1', { timeout: 60_000 });
  await page.reload();
  await expect(page.locator('[data-cell="rank"]').first()).toHaveText('1', { timeout: 30_000 });
  expect((await workspaceDatabases(page)).active).toBe(active);
});

test('a merge above the staging threshold is written into a copy of the workspace and swapped in', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const { path, total } = await largeBackup(page, testInfo);
  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByRole('button', { name: 'Read backup' }).click();
  await expect(page.getByTestId('backup-preview')).toBeVisible({ timeout: 60_000 });
  const reloaded = page.waitForEvent('load', { timeout: 180_000 });
  await page.getByRole('button', { name: 'Merge' }).click();
  await reloaded;

  // The sample's own records were the same in the file; the new invoices were added.
  await expect(page.locator('[data-phase="done"]')).toContainText('Imported');
  await expect(page.locator('[data-count="transactions"]')).toHaveText(total.toLocaleString('en'), {
    timeout: 30_000,
  });
  await expect(page.locator('[data-count="clients"]')).toHaveText('60');
  await expectSwapped(page);
  await openApp(page, '/clients');
  await expect(page.locator('[data-cell="rank"]').first()).toHaveText('1', { timeout: 60_000 });
});
