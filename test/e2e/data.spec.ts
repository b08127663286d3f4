import { expect, test } from '@playwright/test';
import { loadSampleData, openApp } from './app';

test('sample data fills every table once; delete all asks first and empties the workspace', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/data');
  await expect(page.locator('[data-count="clients"]')).toHaveText('60');
  await expect(page.locator('[data-count="transactions"]')).toHaveText('720');
  for (const table of ['interactions', 'feedback', 'complaints']) {
    expect(Number(await page.locator(`[data-count="${table}"]`).innerText())).toBeGreaterThan(0);
  }
  // Loading twice would mix two samples: the button is off once clients exist.
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeDisabled();

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete all 60 clients');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-count="clients"]')).toHaveText('60');

  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.locator('[data-count="clients"]')).toHaveText('0');
  await expect(page.locator('[data-count="transactions"]')).toHaveText('0');
  await expect(page.getByText('All data deleted.')).toBeVisible();

  await openApp(page, '/model');
  await expect(page.getByRole('heading', { name: 'Tiers' })).toBeVisible();
});

test('settings show storage persistence and use', async ({ page }) => {
  await loadSampleData(page);
  await openApp(page, '/settings');
  const persisted = page.getByTestId('storage-persisted');
  await expect(persisted).toHaveAttribute('data-persisted', /^(true|false)$/);
  await expect(page.getByTestId('storage-usage')).toContainText(/used of .* available/);
});

test('the first write asks the browser for persistent storage, once', async ({ page }) => {
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { persistCalls: string[] }).persistCalls = calls;
    const original = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = () => {
      calls.push('persist');
      return original();
    };
  });
  await openApp(page, '/dashboard');
  // The empty workspace is shown: the app has read its client count, with no write yet.
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  const calls = () =>
    page.evaluate(() => (window as unknown as { persistCalls: string[] }).persistCalls.length);
  expect(await calls()).toBe(0);
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.locator('[data-stat="clients"]')).toHaveText('60');
  await expect.poll(calls).toBe(1);
});
