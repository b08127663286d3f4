import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import { loadSampleData, openApp, waitForNames } from './app';

const require = createRequire(import.meta.url);
/** axe-core's own build, run in the page (evaluated, so the page's CSP does not stop it). */
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe's serious and critical findings on the page as it is now (having checked it at all). */
async function seriousFindings(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document) => Promise<AxeResults> } }).axe;
    interface AxeResults {
      passes: unknown[];
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    const results = await axe.run(document);
    // A run that checked nothing would pass anything: it must have passed many rules.
    if (results.passes.length < 10) throw new Error('axe checked almost nothing');
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
}

for (const language of ['en', 'zh-CN'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`no serious accessibility finding on any view, in ${language}, ${theme}`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      await loadSampleData(page);
      await openApp(page, '/settings');
      await page.locator('select[name="language"]').selectOption(language);
      await page.locator('select[name="theme"]').selectOption(theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await openApp(page, '/clients');
      await waitForNames(page);
      const id = await page
        .locator('[role="row"][data-client-id]')
        .first()
        .getAttribute('data-client-id');
      const views = [
        '/',
        '/dashboard',
        '/clients',
        `/clients/${encodeURIComponent(id ?? '')}`,
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
        if (view === '/clients') await waitForNames(page);
        if (view.startsWith('/clients/')) await expect(page.getByTestId('why')).toBeVisible();
        if (view === '/segments')
          await expect(page.getByTestId('segment-profile').first()).toBeVisible();
        expect(await seriousFindings(page), view).toEqual([]);
      }
    });
  }
}
