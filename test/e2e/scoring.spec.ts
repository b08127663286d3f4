import { expect, test } from '@playwright/test';
import { loadSampleData, waitForNames } from './app';

test('the clients are ranked; editing an invoice rescores in the worker without a reload or a long task', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 60');
  // The count comes from the database, the rows from the worker's listing: wait for both.
  await expect(page.locator('[data-cell="rank"]').first()).toHaveText('1');
  const ranks = await page.locator('[data-cell="rank"]').allInnerTexts();
  expect(ranks.length).toBeGreaterThan(5);
  expect(ranks.map(Number)).toEqual(Array.from({ length: ranks.length }, (_, i) => i + 1));
  const scores = (await page.locator('[data-cell="score"]').allInnerTexts()).map(Number);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);

  // The lowest-ranked active client: its latest invoice is in the scoring window.
  await page.goto('/clients?stage=active&dir=desc');
  const target = page.locator('[role="row"][data-client-id]').first();
  await expect(target.locator('[data-cell="lifecycle"]')).toContainText('Active');
  const rankBefore = Number(await target.locator('[data-cell="rank"]').innerText());
  expect(rankBefore).toBeGreaterThan(30);
  await waitForNames(page);
  const name = (await target.locator('[data-cell="name"]').innerText()).trim();
  await target.locator('[data-cell="name"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const scoreText = page.getByTestId('client-score');
  await expect(scoreText).toBeVisible();
  const before = await scoreText.innerText();

  // Watch the main thread for long tasks from here on.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: false });
  });

  const firstInvoice = page.locator('[data-transaction-id]').first();
  await firstInvoice.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: /^Edit invoice / });
  const amount = form.getByRole('textbox', { name: 'Amount' });
  await amount.fill('lots');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toContainText('Enter the amount as a number');
  await expect(scoreText).toHaveText(before);

  await amount.fill('250000');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(firstInvoice).toContainText('$250,000');
  await expect(scoreText).not.toHaveText(before, { timeout: 10_000 });
  const after = Number((await scoreText.innerText()).replace(/[^\d.]/g, ''));
  expect(after).toBeGreaterThan(Number(before.replace(/[^\d.]/g, '')));
  const tierAfter = await page.locator('#score-title .badge').innerText();

  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: number[] }).longTasks,
  );
  expect(longTasks.filter((d) => d > 200)).toEqual([]);

  // The list agrees, and the client has moved up.
  await page.getByRole('link', { name: 'All clients' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 1');
  const row = page.locator('[role="row"][data-client-id]').first();
  await expect(row.locator('[data-cell="name"]')).toHaveText(name);
  expect(Number(await row.locator('[data-cell="rank"]').innerText())).toBeLessThan(rankBefore);
  await expect(row.locator('[data-cell="tier"]')).toHaveText(tierAfter);
});

test('a client file shows the lifetime-value outlook with its trust level in words', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await page.locator('[data-cell="name"]').first().click();
  const outlook = page.getByRole('region', { name: 'Outlook' });
  await expect(outlook).toBeVisible();
  // A probability below one never reads 100 %; at medium trust the predictions are rounded
  // to two figures, marked "≈".
  await expect(outlook.locator('[data-outlook="p-active"]')).toHaveText(/^(> )?\d{1,2}%$|^100%$/);
  await expect(outlook.locator('[data-outlook="expected-purchases"]')).toHaveText(/^≈ [\d.]+$/);
  await expect(outlook.locator('[data-outlook="clv-12m"]')).toHaveText(/^≈ \$[\d,.]+$/);
  // Sixty generated clients: enough to fit, too few to be sure.
  await expect(outlook.locator('[data-trust]')).toHaveAttribute('data-trust', 'medium');
  await expect(outlook.locator('[data-trust]')).toContainText('Indicative: learnt from');
});
