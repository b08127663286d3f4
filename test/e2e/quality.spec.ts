import { expect, test, type Page } from '@playwright/test';
import { dumpUserTables, loadSampleData, openApp, waitForNames } from './app';

/** The day `days` before today, YYYY-MM-DD, in this machine's zone (as the app counts). */
function daysAgo(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() - days);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

/**
 * Two spellings of one client, with an amount far outside the sample's, an unmarked
 * negative amount and an invoice paid before it was issued: imported as a user would.
 */
const PLANTED = [
  'Client,Date,Amount,Paid date,Reference',
  `Acme Planted Ltd,${daysAgo(60)},900,${daysAgo(50)},P-1`,
  `Acme Planted Ltd,${daysAgo(30)},1200,${daysAgo(20)},P-2`,
  `Acme Planted Ltd,${daysAgo(15)},300,${daysAgo(25)},P-3`,
  `ACME PLANTED,${daysAgo(40)},1100,${daysAgo(30)},P-4`,
  `ACME PLANTED,${daysAgo(10)},9000000,,P-5`,
  `ACME PLANTED,${daysAgo(12)},-50,,P-6`,
].join('\n');

async function importPlanted(page: Page): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles({
    name: 'planted.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(PLANTED, 'utf8'),
  });
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.locator('select[data-field="paidDate"]')).toHaveValue('3');
  await page.getByRole('button', { name: 'Check rows' }).click();
  await page.getByRole('button', { name: 'Import 6 rows' }).click();
  await expect(page.locator('[data-count="clients"]')).toHaveText('62');
}

async function settled(page: Page): Promise<void> {
  await expect(page.locator('.scoring-status[data-phase="idle"]')).toBeAttached();
}

/** Finds a client in the Clients list, opens its file and counts its invoices. */
async function invoicesOf(page: Page, name: string): Promise<number> {
  await openApp(page, '/clients');
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await waitForNames(page);
  // A rescore landing meanwhile redraws the rows: click again until the file opens.
  await expect(async () => {
    await page.getByRole('link', { name, exact: true }).click({ timeout: 2_000 });
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(page.getByTestId('client-score')).toBeVisible();
  return page.locator('tr[data-transaction-id]').count();
}

test('the quality report lists planted problems; a merge moves the invoices, rescores, and undo restores both exactly', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loadSampleData(page);
  await openApp(page, '/data');
  const quality = page.getByTestId('quality');
  await expect(quality.getByTestId('quality-score')).toBeVisible();
  await expect(quality.getByTestId('duplicate-pair')).toHaveCount(0);
  await importPlanted(page);
  await settled(page);

  const pair = quality.getByTestId('duplicate-pair');
  await expect(pair).toHaveCount(1);
  await expect(pair.getByRole('link', { name: 'Acme Planted Ltd', exact: true })).toBeVisible();
  await expect(pair.getByRole('link', { name: 'ACME PLANTED', exact: true })).toBeVisible();
  await expect(pair).toContainText('Likely the same client (60 of 100): names 100% alike.');
  await expect(quality.getByTestId('outlier')).toHaveCount(1);
  await expect(quality.getByTestId('outlier')).toContainText('9,000,000');
  await expect(quality.getByTestId('impossible')).toHaveCount(2);
  await expect(quality.locator('[data-kind="paidBeforeInvoiced"]')).toContainText('paid on');
  await expect(quality.locator('[data-kind="unmarkedRefund"]')).toContainText(
    'negative, but not marked as a refund',
  );
  const scoreBefore = await quality.getByTestId('quality-score').innerText();

  // The dashboard shows the same score, linking to the report.
  await openApp(page, '/dashboard');
  await expect(page.getByTestId('dashboard-quality')).toContainText(
    scoreBefore.replace('Quality score: ', 'Data quality: '),
  );

  expect(await invoicesOf(page, 'Acme Planted Ltd')).toBe(3);
  const keptScore = await page.getByTestId('client-score').innerText();
  const original = await dumpUserTables(page);

  await openApp(page, '/data');
  await quality.getByRole('button', { name: 'Keep Acme Planted Ltd' }).click();
  await expect(quality.getByRole('status')).toContainText(
    'Merged ACME PLANTED into Acme Planted Ltd',
  );
  await expect(page.locator('[data-count="clients"]')).toHaveText('61');
  await expect(quality.getByTestId('duplicate-pair')).toHaveCount(0);
  await expect(quality.getByTestId('merge')).toContainText(
    'ACME PLANTED merged into Acme Planted Ltd',
  );
  await expect(quality.getByTestId('merge')).toContainText('3 records moved');
  await settled(page);

  // One client holds all six invoices, and its score was recomputed from them.
  expect(await invoicesOf(page, 'Acme Planted Ltd')).toBe(6);
  await expect(page.getByTestId('client-score')).not.toHaveText(keptScore);
  await openApp(page, '/clients');
  await page.getByRole('searchbox', { name: 'Search' }).fill('planted');
  await expect(page.getByRole('link', { name: 'Acme Planted Ltd', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ACME PLANTED', exact: true })).toHaveCount(0);

  // Undo, later, from the list of past merges.
  await openApp(page, '/data');
  await quality.getByTestId('merge').getByRole('button', { name: 'Undo' }).click();
  await expect(quality.getByRole('status')).toContainText(
    'Merge undone: ACME PLANTED and Acme Planted Ltd are two clients again.',
  );
  await expect(page.locator('[data-count="clients"]')).toHaveText('62');
  await expect(quality.getByText('No merges yet.')).toBeVisible();
  await settled(page);
  expect(await dumpUserTables(page)).toBe(original);
  expect(await invoicesOf(page, 'ACME PLANTED')).toBe(3);
  expect(await invoicesOf(page, 'Acme Planted Ltd')).toBe(3);
  await expect(page.getByTestId('client-score')).toHaveText(keptScore);
});

test('a finding marked "not a problem" stays dismissed after a reload', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, '/data');
  await importPlanted(page);
  const quality = page.getByTestId('quality');
  const refund = quality.locator('[data-kind="unmarkedRefund"]');
  await expect(refund).toHaveCount(1);
  await refund.getByRole('button', { name: 'Not a problem' }).click();
  await expect(refund).toHaveCount(0);
  await expect(quality).toContainText('1 finding marked “not a problem” is not listed.');
  await page.reload();
  await expect(quality.getByTestId('quality-score')).toBeVisible();
  await expect(quality.getByTestId('impossible')).toHaveCount(1);
  await expect(refund).toHaveCount(0);
});
