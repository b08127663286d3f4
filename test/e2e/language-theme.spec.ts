import { expect, test } from '@playwright/test';
import { openApp } from './app';

test('switching to Chinese and dark theme, then back, and the choice survives a reload', async ({
  page,
}) => {
  await openApp(page, '/settings');
  const nav = page.getByRole('navigation');
  await expect(nav).toContainText('Dashboard');

  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(nav.getByRole('link', { name: '仪表盘' })).toBeVisible();
  const navText = (await nav.innerText()).trim();
  expect(navText).not.toMatch(/[A-Za-z]/);
  expect(await nav.getAttribute('aria-label')).toBe('主导航');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('设置');

  await page.getByLabel('主题').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(150);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(nav.getByRole('link', { name: '客户' })).toBeVisible();

  await page.getByLabel('语言').selectOption('en');
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(nav).toContainText('Dashboard');
  await expect(nav).not.toContainText('仪表盘');
});

test('with no choice made, the language and theme follow the browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', colorScheme: 'dark' });
  const page = await context.newPage();
  await openApp(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('heading', { name: '还没有客户' })).toBeVisible();
  await context.close();
});
