import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('views are real URLs: links, back, forward and reload keep the view', async ({ page }) => {
  await openApp(page, '/');
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Today' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Model' }).click();
  await expect(page).toHaveURL(/\/model$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scoring model');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle('Model · Tierwise');

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');

  await page.goBack();
  await expect(page).toHaveURL(/\/model$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scoring model');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Today');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scoring model');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Scoring model');
  await expect(nav.getByRole('link', { name: 'Model' })).toHaveAttribute('aria-current', 'page');
});

test('the empty workspace says what to do, and an unknown address says so', async ({ page }) => {
  await openApp(page, '/clients');
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Load sample data' })).toBeEnabled();
  await page.getByRole('link', { name: 'Go to Data' }).click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(page.locator('[data-count="clients"]')).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Delete all data…' })).toBeDisabled();

  await openApp(page, '/nowhere');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dashboard');
});
