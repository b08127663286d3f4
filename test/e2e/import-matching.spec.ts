import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app';

async function importCsv(
  page: Page,
  kind: 'Clients' | 'Transactions',
  lines: string[],
): Promise<void> {
  await page.getByLabel('What the file holds').selectOption({ label: kind });
  await page.getByLabel('CSV file').setInputFiles({
    name: `${kind}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(lines.join('\n'), 'utf8'),
  });
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Check rows' }).click();
}

test('a clients file shows the clients already here and updates, creates or skips them as chosen', async ({
  page,
}) => {
  await openApp(page, '/data');
  await importCsv(page, 'Clients', [
    'Name,Email,Phone',
    'Acme Studio,info@acme.example,',
    'Blue Sky,,+44 20 7946 0958',
  ]);
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.locator('[data-count="clients"]')).toHaveText('2');

  await importCsv(page, 'Clients', [
    'Name,Email,Phone',
    'ACME STUDIO Ltd,INFO@acme.example,',
    'Blue Sky Limited,,0044 20 7946 0958',
    'Brand New,new@example.com,',
  ]);
  const matches = page.getByTestId('csv-matches');
  await expect(matches.locator('tr[data-match]')).toHaveCount(2);
  await expect(matches.locator('tr[data-match="0"]')).toContainText('the same e-mail');
  await expect(matches.locator('tr[data-match="1"]')).toContainText('the same phone');
  await page.getByLabel('Import as: Blue Sky Limited').selectOption({ label: 'Skip' });
  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(page.getByText(/Imported 2 rows/)).toBeVisible();
  await expect(page.locator('[data-count="clients"]')).toHaveText('3');
  await openApp(page, '/clients');
  await expect(page.getByRole('link', { name: 'ACME STUDIO Ltd', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Blue Sky', exact: true })).toBeVisible();
});

test('a transactions file naming a client that two clients share asks which one', async ({
  page,
}) => {
  await openApp(page, '/data');
  await importCsv(page, 'Clients', [
    'Name,Email',
    'Zhang Wei,wei@north.example',
    'ZHANG WEI,wei@south.example',
  ]);
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.locator('[data-count="clients"]')).toHaveText('2');

  await importCsv(page, 'Transactions', ['Client,Date,Amount', 'zhang wei,2025-03-05,120']);
  const question = page.getByTestId('csv-ambiguous');
  await expect(question).toContainText(
    '1 row names “zhang wei”, and several clients here have that name.',
  );
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Several clients are called' }),
  ).toBeVisible();
  await expect(page.locator('[data-count="transactions"]')).toHaveText('0');

  await question.getByLabel('zhang wei').selectOption({ label: 'ZHANG WEI (wei@south.example)' });
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.locator('[data-count="transactions"]')).toHaveText('1');
  await expect(page.locator('[data-count="clients"]')).toHaveText('2');
  await openApp(page, '/clients');
  await page.getByRole('link', { name: 'ZHANG WEI', exact: true }).click();
  await expect(page.locator('tr[data-transaction-id]')).toHaveCount(1);
});
