import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { loadSampleData } from './app';

const numbers = async (page: Page, cell: string): Promise<number[]> =>
  (await page.locator(`[data-cell="${cell}"]`).allInnerTexts()).map((t) =>
    t.trim() === '–' ? NaN : Number(t.replace(/,/g, '')),
  );

test('the list sorts by each dimension, filters by tier, and keeps its filters in the URL', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 60');

  for (const dimension of ['Value', 'Needs', 'Loyalty', 'Potential']) {
    await page.getByRole('button', { name: dimension, exact: true }).click();
    const column = dimension.toLowerCase();
    await expect(page).toHaveURL(new RegExp(`sort=${column}&dir=desc`));
    await expect(page.getByRole('columnheader', { name: `${dimension} ↓` })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    const values = (await numbers(page, column)).filter((v) => !Number.isNaN(v));
    expect(values.length).toBeGreaterThan(5);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  }

  await page.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Core' });
  await expect(page).toHaveURL(/tier=core/);
  const count = await page.getByTestId('client-count').innerText();
  expect(count).not.toBe('Clients listed: 60');
  for (const tier of await page.locator('[data-cell="tier"]').allInnerTexts()) {
    expect(tier.trim()).toBe('Core');
  }

  await page.reload();
  await expect(page.getByTestId('client-count')).toHaveText(count);
  await expect(page.getByRole('combobox', { name: 'Tier' })).toHaveValue('1');
  await expect(page.getByRole('columnheader', { name: 'Potential ↓' })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/tier=core/);
});

test('a new client joins the list, and the CSV export holds every listed client as text', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a name');
  await page.getByRole('textbox', { name: 'Name' }).fill('=SUM(1,2)');
  await page.getByRole('textbox', { name: 'Email' }).fill('not an email');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address');
  await page.getByRole('textbox', { name: 'Email' }).fill('sum@example.com');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('=SUM(1,2)');

  await page.getByRole('link', { name: 'All clients' }).click();
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 61');
  const chinese = (await page.locator('[data-cell="name"]').allInnerTexts()).find((name) =>
    /[\u4e00-\u9fff]/.test(name),
  );
  expect(chinese).toBeDefined();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tierwise-clients-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'rank,id,name,tier,abc,score,value,needs,loyalty,potential,rfm,segment,lifecycle,p_active,clv_12m',
  );
  expect(lines.length).toBe(62);
  expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
    Array.from({ length: 61 }, (_, i) => i + 1),
  );
  expect(
    lines.some((line) => line.includes(",'=SUM(1,2),") || line.includes(`,"'=SUM(1,2)",`)),
  ).toBe(true);
  expect(
    lines.some((line) => line.includes(`,${chinese},`) || line.includes(`,"${chinese}",`)),
  ).toBe(true);
});
