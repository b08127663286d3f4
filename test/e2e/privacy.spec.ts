import { expect, test } from '@playwright/test';
import { loadSampleData, openApp } from './app';

test('a full walk through the app sends no request to any other origin', async ({
  page,
  context,
  baseURL,
}) => {
  const origin = new URL(baseURL ?? '').origin;
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));

  await loadSampleData(page);
  for (const name of ['Clients', 'Model', 'Data', 'Settings', 'Dashboard']) {
    await page.getByRole('navigation').getByRole('link', { name }).click();
    await expect(page.locator('main h1')).toBeVisible();
  }
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByLabel('主题').selectOption('dark');
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.goBack();
  await page.goForward();
  await page.reload();
  await openApp(page, '/no-such-page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  expect(requests.length).toBeGreaterThan(5);
  const foreign = requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  expect(foreign).toEqual([]);
});

test('the built page carries a Content-Security-Policy limited to its own origin', async ({
  page,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  await loadSampleData(page);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toMatch(/https?:|\*/);
  await openApp(page, '/model');
  await expect(page.getByRole('heading', { name: 'Tiers' })).toBeVisible();
  expect(violations).toEqual([]);
});
