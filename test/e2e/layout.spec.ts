import { expect, test, type Page } from '@playwright/test';
import { expectFirstRowPainted, loadSampleData, openApp } from './app';

const SCREENS = [
  { name: 'laptop', width: 1366, height: 860 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Nothing on the page scrolls sideways (a data table may, inside its own box). */
async function expectNoSidewaysScroll(page: Page, view: string): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow, `${view} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(1);
}

for (const screen of SCREENS) {
  for (const language of ['en', 'zh-CN'] as const) {
    test(`on a ${screen.name} in ${language}, every view fits and every list column is painted`, async ({
      page,
    }, testInfo) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await loadSampleData(page);
      if (language === 'zh-CN') {
        await openApp(page, '/settings');
        await page.locator('select[name="language"]').selectOption('zh-CN');
        await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      }
      await openApp(page, '/clients');
      await expectFirstRowPainted(page);
      const first = page.locator('[role="row"][data-client-id]').first();
      const clientPath = `/clients/${encodeURIComponent((await first.getAttribute('data-client-id')) ?? '')}`;
      const views = [
        '/',
        '/dashboard',
        '/clients',
        clientPath,
        '/segments',
        '/model',
        '/data',
        '/settings',
      ];
      for (const view of views) {
        await openApp(page, view);
        await expect(page.locator('.scoring-status[data-phase="idle"]')).toBeAttached();
        if (view === '/') await expect(page.getByTestId('today-as-of')).toBeVisible();
        if (view === '/dashboard') await expect(page.locator('[data-chart]').first()).toBeVisible();
        if (view === clientPath) await expect(page.getByTestId('why')).toBeVisible();
        if (view === '/segments') {
          await expect(page.getByTestId('segment-profile').first()).toBeVisible();
        }
        await expectNoSidewaysScroll(page, view);
        const name = view === clientPath ? 'client' : view.replace(/\W/g, '') || 'today';
        await page.screenshot({
          path: testInfo.outputPath(`${screen.name}-${language}-${name}.png`),
          fullPage: true,
        });
      }
    });
  }
}
