import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { exportBackup, loadSampleData, openApp, storedEvaluations, waitForNames } from './app';

/** "Evaluate now" on the History view, waiting until the evaluation is listed. */
async function evaluateNow(page: Page): Promise<void> {
  await openApp(page, '/history');
  const rows = page.getByTestId('evaluation-list').locator('tbody tr');
  const before = (await storedEvaluations(page)).length;
  await expect(rows).toHaveCount(before);
  await page.getByRole('button', { name: 'Evaluate now' }).click();
  await expect(page.getByTestId('evaluate-status')).toContainText('Evaluation taken as of');
  await expect(rows).toHaveCount(before + 1);
}

test('a client that drops a tier between two evaluations is listed with the reason, counted, charted and backed up', async ({
  page,
}, testInfo) => {
  await loadSampleData(page);
  // The first evaluation is taken by itself once the sample is scored.
  await expect.poll(async () => (await storedEvaluations(page)).length).toBe(1);
  await evaluateNow(page);

  // The best-ranked VIP gets a large refund: its revenue goes below nothing.
  await page.goto('/clients?tier=vip&sort=score&dir=desc');
  await waitForNames(page);
  const first = page.locator('[role="row"][data-client-id]').first();
  const id = await first.getAttribute('data-client-id');
  const name = (await first.locator('[data-cell="name"]').innerText()).trim();
  await first.locator('[data-cell="name"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const form = page.getByRole('form', { name: 'New invoice' });
  await form.getByRole('textbox', { name: 'Amount' }).fill('-900000');
  await form.getByRole('textbox', { name: 'Reference' }).fill('REFUND-1');
  await form.getByRole('button', { name: 'Add invoice' }).click();
  await expect(page.locator('.scoring-status[data-phase="idle"]')).toBeAttached();
  await expect(page.getByTestId('client-score')).not.toHaveText(/^(7[5-9]|[89]\d|100)/, {
    timeout: 15_000,
  });

  await evaluateNow(page);
  const downgrades = page.getByTestId('downgrades');
  const moved = downgrades.locator(`li[data-client="${id}"]`);
  await expect(moved).toContainText(name);
  await expect(moved).toContainText('VIP');
  await expect(moved.getByTestId('move-reasons')).toContainText('refunds outweigh sales');
  await expect(page.getByTestId('movement-summary')).toContainText('moved down');

  // The matrix counts it: VIP → another tier, and the cell lists it.
  const matrix = page.getByTestId('movement-matrix');
  const vipRow = matrix.locator('tbody tr').first();
  await expect(vipRow.locator('th')).toHaveText('VIP');
  const cell = vipRow.locator('button[data-cell^="0-"]:not([data-cell="0-0"])').first();
  const column = Number((await cell.getAttribute('data-cell'))?.split('-')[1]);
  const lower = (await matrix.locator('thead th').nth(column).innerText()).trim();
  await cell.click();
  await expect(page.getByTestId('cell-clients')).toContainText(name);
  await page.screenshot({ path: testInfo.outputPath('history-en-1366.png'), fullPage: true });

  // The client's file shows both tiers over time.
  await page.getByTestId('cell-clients').getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const timeline = page.getByTestId('tier-timeline');
  const change = timeline.getByTestId('timeline-change').first();
  await expect(change).toContainText('VIP');
  await expect(change).toContainText(lower);
  await expect(change).toContainText('refunds');
  await timeline.screenshot({ path: testInfo.outputPath('timeline-en.png') });

  // The backup holds every evaluation taken, with its columns.
  await openApp(page, '/data');
  const path = await exportBackup(page);
  const file = JSON.parse(readFileSync(path, 'utf8')) as {
    version: number;
    counts: { evaluations: number };
    data: { evaluations: { clientIds: string[]; tier: number[]; takenAt: string }[] };
  };
  expect(file.version).toBe(5);
  expect(file.counts.evaluations).toBe(3);
  // Records are written in id order; the two taken by hand are the last two taken.
  const taken = file.data.evaluations.sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  const [, before, after] = taken;
  const tierOf = (e: { clientIds: string[]; tier: number[] } | undefined) =>
    e?.tier[e.clientIds.indexOf(id ?? '')];
  expect(tierOf(before)).toBe(0);
  expect(tierOf(after)).toBeGreaterThan(0);
});

test('History in Chinese, on a phone, scrolls nowhere sideways', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loadSampleData(page);
  await openApp(page, '/settings');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('link', { name: '历史' })).toBeVisible();
  await evaluateNowZh(page);
  await expect(page.getByRole('heading', { name: '层级下降' })).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: testInfo.outputPath('history-zh-CN-390.png'), fullPage: true });
});

async function evaluateNowZh(page: Page): Promise<void> {
  await openApp(page, '/history');
  await page.getByRole('button', { name: '立即评估' }).click();
  await expect(page.getByTestId('evaluate-status')).toContainText('已完成');
}

test('a month later, two tabs opening together take exactly one automatic evaluation', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loadSampleData(page);
  await expect.poll(async () => (await storedEvaluations(page)).length).toBe(1);
  await page.close();

  // The browser's clock, a month and a day on: both tabs open the app at once.
  await context.clock.install({ time: Date.now() + 32 * 86_400_000 });
  const [one, two] = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all([openApp(one, '/history'), openApp(two, '/history')]);
  await expect(one.getByTestId('evaluation-list').locator('tbody tr')).toHaveCount(2);
  await expect(two.getByTestId('evaluation-list').locator('tbody tr')).toHaveCount(2);
  const stored = await storedEvaluations(one);
  expect(stored.map((e) => e.trigger)).toEqual(['scheduled', 'scheduled']);
  await context.close();
});
