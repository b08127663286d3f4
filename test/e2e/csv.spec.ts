import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dumpUserTables, openApp } from './app';

async function chooseCsv(page: Page, text: string): Promise<void> {
  await page.getByLabel('CSV file').setInputFiles({
    name: 'invoices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
}

test('a transactions CSV creates its clients, which are then scored and listed', async ({
  page,
}) => {
  await openApp(page, '/data');
  await chooseCsv(
    page,
    [
      'Customer ID,Date,Amount',
      'C-001,2024-03-05,"1,234.50"',
      'C-001,20240612,¥800',
      'C-002,2024年3月5日,$1200',
      'C-002,25/12/2024,300',
      'C-003,2024-11-02,"1.234,50"',
      'C-003,2025-01-15,99.90',
    ].join('\n'),
  );
  await expect(page.locator('select[data-field="clientId"]')).toHaveValue('0');
  await expect(page.locator('select[data-field="date"]')).toHaveValue('1');
  await expect(page.locator('select[data-field="amount"]')).toHaveValue('2');
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.getByTestId('csv-summary')).toHaveText(
    '6 of 6 rows can be imported; 0 will be refused.',
  );
  await expect(page.getByTestId('csv-new-clients')).toContainText(
    '3 new clients will be created: Client C-001, Client C-002, Client C-003',
  );
  expect(await page.locator('[data-count="clients"]').innerText()).toBe('0');

  // ¥ in a USD workspace: said, and the import waits until the user confirms it.
  await expect(page.getByTestId('csv-currency-warning')).toHaveText(
    'Amounts in this file are written in ¥ (for example “¥800”), but this workspace counts in USD. Tierwise does not convert them: they would be imported as USD figures as they are.',
  );
  await expect(page.getByRole('button', { name: 'Import 6 rows' })).toBeDisabled();
  await page.getByLabel('Import these amounts as USD as they are').check();
  await page.getByRole('button', { name: 'Import 6 rows' }).click();
  await expect(page.getByText('Imported 6 rows and created 3 clients.')).toBeVisible();
  await expect(page.locator('[data-count="clients"]')).toHaveText('3');
  await expect(page.locator('[data-count="transactions"]')).toHaveText('6');

  await openApp(page, '/clients');
  await expect(page.locator('[data-cell="rank"]')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.locator('[data-cell="rank"]').first()).toHaveText('1');
  await expect(page.getByRole('link', { name: 'Client C-002' })).toBeVisible();
});

test('a CSV with 3 bad rows reports exactly those rows and imports nothing until confirmed', async ({
  page,
}) => {
  await openApp(page, '/data');
  const before = await dumpUserTables(page);
  await chooseCsv(
    page,
    [
      'Client,Invoice date,Total,Invoice #',
      'Harbour Design,2024-03-05,500,A-1',
      'Harbour Design,2024-02-30,500,A-2',
      '李明工作室,2024-03-08,"1,200.00",A-3',
      'Bluebird,2024-03-09,lots,A-4',
      'Bluebird,2024-03-10,250,A-5',
      ',2024-03-11,100,A-6',
      'Bluebird,2024-03-12,75,A-7',
    ].join('\r\n'),
  );
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.getByTestId('csv-summary')).toHaveText(
    '4 of 7 rows can be imported; 3 will be refused.',
  );
  const rejected = page.getByTestId('csv-rejections').locator('tbody tr');
  await expect(rejected).toHaveCount(3);
  await expect(rejected.nth(0)).toContainText('3Datenot a date Tierwise can read: “2024-02-30”');
  await expect(rejected.nth(1)).toContainText('5Amountnot an amount: “lots”');
  await expect(rejected.nth(2)).toContainText(
    '7Client nameClient: empty — every row needs a client',
  );
  await expect(page.getByTestId('csv-without-client')).toHaveText(
    '1 row names no client and will be refused.',
  );
  expect(await dumpUserTables(page)).toBe(before);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download refused rows (CSV)' }).click();
  const file = readFileSync(await (await download).path(), 'utf8');
  const lines = file
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  expect(lines).toHaveLength(4);
  expect(lines[0]).toBe('Client,Invoice date,Total,Invoice #,Row,Column,Reason');
  expect(lines[2]).toBe('Bluebird,2024-03-09,lots,A-4,5,Amount,not an amount: “lots”');

  await page.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(page.locator('[data-count="transactions"]')).toHaveText('4');
  await expect(page.locator('[data-count="clients"]')).toHaveText('3');
});

test('a file with the wrong delimiter or encoding is refused in words', async ({ page }) => {
  await openApp(page, '/data');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'colon.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Customer ID:Date:Amount\nC1:2024-03-05:10\n', 'utf8'),
  });
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.locator('[data-csv-phase="error"]')).toContainText('Only one column was found');

  // 客户名称 in GBK, as Excel in Chinese saves a CSV by default.
  const gbk = Buffer.from([
    0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0x41, 0x0a, 0x41, 0x2c, 0x31, 0x0a,
  ]);
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'gbk.csv', mimeType: 'text/csv', buffer: gbk });
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.locator('[data-csv-phase="error"]')).toContainText('not UTF-8');
});
