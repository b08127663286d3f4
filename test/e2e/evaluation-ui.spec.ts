import { expect, test, type Page } from '@playwright/test';
import { loadSampleData, openApp, waitForNames, workspaceDatabases } from './app';

/** One store of the workspace, read straight from IndexedDB. */
async function storedRows(page: Page, store: string): Promise<Record<string, unknown>[]> {
  const { active } = await workspaceDatabases(page);
  return page.evaluate(
    async ({ name, store }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return rows;
    },
    { name: active, store },
  );
}

/**
 * Nothing on the page scrolls sideways (a data table may, inside its own box) — once the
 * layout has settled: after the viewport changes, charts resize on the next frames.
 */
async function expectNoSidewaysScroll(page: Page, view: string): Promise<void> {
  const overflow = () =>
    page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
  await expect.poll(overflow, { message: `${view} scrolls sideways` }).toBeLessThanOrEqual(1);
}

test('the period of automatic evaluations is chosen in Settings and kept', async ({ page }) => {
  await openApp(page, '/settings');
  const period = page.getByRole('combobox', { name: 'Automatic evaluations' });
  await expect(period).toHaveValue('monthly');
  await expect(period).toHaveAccessibleDescription(/exactly one is taken/);
  await period.selectOption({ label: 'Every quarter' });
  await expect
    .poll(async () => (await storedRows(page, 'settings'))[0]?.['evaluationPeriod'])
    .toBe('quarterly');
  await page.reload();
  await expect(period).toHaveValue('quarterly');
  await period.selectOption({ label: 'Off' });
  await expect
    .poll(async () => (await storedRows(page, 'settings'))[0]?.['evaluationPeriod'])
    .toBe('off');
});

test('the hysteresis margin is saved with the model, and more than 20 is refused in words', async ({
  page,
}) => {
  await openApp(page, '/model');
  const margin = page.getByRole('spinbutton', { name: 'Hysteresis margin (points)' });
  await expect(margin).toHaveValue('0');
  await expect(margin).toHaveAccessibleDescription(/Applies to evaluations only/);
  const save = page.getByRole('button', { name: 'Save model' });

  await margin.fill('25');
  await expect(page.getByRole('alert').filter({ hasText: 'Enter at most 20.' })).toBeVisible();
  await expect(margin).toHaveAttribute('aria-invalid', 'true');
  await expect(save).toBeDisabled();

  await margin.fill('3');
  await expect(margin).not.toHaveAttribute('aria-invalid', 'true');
  await save.click();
  await expect(page.getByTestId('model-status')).toHaveText(/Model saved/);
  await page.reload();
  await expect(margin).toHaveValue('3');
});

test('after a second evaluation the dashboard shows who moved and the client file its tier history', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loadSampleData(page);
  // The first evaluation is taken automatically once the sample is in.
  await expect.poll(async () => (await storedRows(page, 'evaluations')).length).toBe(1);
  await expect(page.getByTestId('tier-movement-chart')).toContainText(
    'Movements between tiers appear after the second evaluation',
  );
  await expect(page.getByTestId('tier-movement-chart').getByRole('link')).toHaveAttribute(
    'href',
    '/history',
  );
  await expect(page.getByTestId('attention-downgrades')).toHaveCount(0);

  // A VIP client, pinned to Low value by hand: the next evaluation sees it drop.
  await openApp(page, '/clients?tier=vip');
  await waitForNames(page);
  const first = page.locator('[role="row"][data-client-id]').first();
  const id = (await first.getAttribute('data-client-id')) ?? '';
  const name = (await first.locator('[data-cell="name"]').innerText()).trim();
  await first.locator('[data-cell="name"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const timeline = page.getByTestId('tier-timeline');
  await expect(timeline.getByRole('heading', { name: 'Tier history' })).toBeVisible();
  await expect(timeline.getByTestId('timeline-one')).toContainText('One evaluation so far');
  await expect(timeline.getByTestId('timeline-one')).toContainText('VIP');
  const pinCard = page.getByRole('region', { name: 'Manual tier' });
  await pinCard.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Low value' });
  await pinCard.getByRole('textbox', { name: 'Reason' }).fill('Contract paused');
  await pinCard.getByRole('button', { name: 'Pin tier' }).click();
  // Scored with the pin before the evaluation is taken.
  await expect(page.locator('#score-title .badge')).toHaveText('Low value', { timeout: 10_000 });

  await page.getByRole('navigation').getByRole('link', { name: 'History' }).click();
  await page.getByRole('button', { name: 'Evaluate now' }).click();
  await expect.poll(async () => (await storedRows(page, 'evaluations')).length).toBe(2);

  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  const movements = page.getByTestId('tier-movement-chart');
  await expect(movements.locator('canvas')).toBeVisible();
  await expect(movements).toContainText('60 clients in both: 0 moved up, 1 moved down.');
  await movements.getByRole('button', { name: 'Show data' }).click();
  const vipRow = movements.getByRole('row', { name: /^VIP/ });
  await expect(vipRow).toBeVisible();
  await expect(movements.getByRole('columnheader', { name: 'Low value' })).toBeVisible();

  const downgrades = page.getByTestId('attention-downgrades');
  await expect(downgrades).toContainText('Downgraded at the last evaluation (1)');
  await expect(downgrades).toContainText('top two tiers');
  await expect(downgrades).toContainText('tier pinned by hand');
  const link = downgrades.getByRole('link', { name });
  await expect(link).toHaveAttribute('href', `/clients/${encodeURIComponent(id)}`);

  // On a phone, the dashboard with its movement table open does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, '/dashboard');
  await page.setViewportSize({ width: 1280, height: 800 });

  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(timeline.locator('canvas')).toBeVisible();
  const change = timeline.getByTestId('timeline-change');
  await expect(change).toHaveCount(1);
  await expect(change).toHaveAttribute('data-direction', 'down');
  await expect(change).toContainText('VIP');
  await expect(change).toContainText('Low value');
  await expect(change).toContainText('Moved down');
  await expect(change).toContainText('tier pinned by hand');
  await timeline.getByRole('button', { name: 'Show data' }).click();
  await expect(timeline.getByRole('table').getByRole('row')).toHaveCount(3);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page, 'the client file');

  // The same in Chinese.
  await openApp(page, '/settings');
  await page.locator('select[name="language"]').selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await openApp(page, `/clients/${encodeURIComponent(id)}`);
  await expect(timeline.getByRole('heading', { name: '层级历史' })).toBeVisible();
  await expect(timeline.getByTestId('timeline-change')).toContainText('层级下降');
  await expectNoSidewaysScroll(page, 'the client file in Chinese');
  await openApp(page, '/dashboard');
  await expect(page.getByTestId('tier-movement-chart')).toContainText('层级变动');
  await expect(page.getByTestId('attention-downgrades')).toContainText('最近一次评估中层级下降');
  await expectNoSidewaysScroll(page, 'the dashboard in Chinese');
});
