import { expect, test, type Page } from '@playwright/test';
import { openApp, waitForNames } from './app';

/** `days` before today, as the CSV writes it (YYYY-MM-DD). */
function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A freelancer's eight clients: two regulars, three occasional, two one-off (one two years
 * ago, one last month) and one regular who stopped eight months ago — a big spender.
 */
function freelancerCsv(): string {
  const rows: string[] = ['Client,Date,Amount'];
  const add = (client: string, days: number, amount: number) =>
    rows.push(`${client},${daysAgo(days)},${amount}`);
  for (let d = 20; d < 3 * 365; d += 30) add('Regular Ann', d, 1200);
  for (let d = 10; d < 900; d += 42) add('Regular Bo', d, 800);
  for (const d of [40, 300, 700]) add('Occasional Cy', d, 500);
  for (const d of [100, 420, 610, 980]) add('Occasional Di', d, 350);
  for (const d of [200, 560, 900]) add('Occasional Ed', d, 650);
  add('One-off Fay', 730, 900);
  add('One-off Gus', 35, 400);
  for (let d = 240; d < 240 + 2 * 365; d += 30) add('Stopped Hal', d, 2500);
  return rows.join('\n');
}

async function importCsv(page: Page, name: string, text: string): Promise<void> {
  await openApp(page, '/data');
  await page.getByLabel('CSV file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8'),
  });
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Check rows' }).click();
  await expect(page.getByTestId('csv-summary')).toContainText('0 will be refused');
  await page.getByRole('button', { name: /^Import \d+ rows$/ }).click();
  await expect(page.getByText(/^Imported \d+ rows/)).toBeVisible();
}

/** Opens a client's file from the list by name. */
async function openClient(page: Page, name: string): Promise<void> {
  await openApp(page, `/clients?q=${encodeURIComponent(name)}`);
  await waitForNames(page);
  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

test('a freelancer’s eight clients are scored honestly: no false certainty, no credit for missing data', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await importCsv(page, 'invoices.csv', freelancerCsv());

  // Nobody is "100%" likely active: a probability below one is never rounded up to it.
  await openApp(page, '/clients');
  await expect(page.locator('[data-cell="rank"]')).toHaveCount(8, { timeout: 30_000 });
  await expect(page.locator('.scoring-status[data-phase="idle"]')).toBeAttached();
  const chances = await page.locator('[data-cell="p-active"]').allInnerTexts();
  expect(chances).toHaveLength(8);
  for (const chance of chances) expect(chance.trim()).not.toBe('100%');

  // The client who bought once, two years ago, is in no top tier.
  await openClient(page, 'One-off Fay');
  await expect(page.locator('#score-title .badge')).not.toHaveText(/VIP|Core/);
  await expect(page.locator('[data-outlook="p-active"]')).not.toHaveText('100%');

  // The regular who stopped is warned about, from the file and the dashboard.
  await openClient(page, 'Stopped Hal');
  await expect(page.getByTestId('churn-warning')).toBeVisible();
  await openApp(page, '/dashboard');
  await expect(page.locator('[data-attention="churn"]')).toContainText('Stopped Hal');

  // "Why" names only measures the client has data for.
  await openClient(page, 'One-off Gus');
  const why = await page.getByTestId('why').innerText();
  const missing = await page
    .locator('.bars li', { hasText: 'no data' })
    .locator('span')
    .first()
    .allInnerTexts();
  for (const label of missing) expect(why).not.toContain(label);
  await expect(page.locator('.bars li', { hasText: 'no data' }).first()).toBeVisible();

  // The model has been tested on this history, and says how it did.
  await openClient(page, 'Regular Ann');
  await expect(page.getByTestId('backtest')).toContainText('Tested on your own history');
  await expect(page.getByTestId('as-of')).toContainText('Figures as of today');
});

test('an old history is offered its own evaluation date, and every view then says it', async ({
  page,
}) => {
  const rows = ['Client,Date,Amount'];
  for (let m = 1; m <= 12; m += 1) {
    rows.push(`Old Co,2011-${String(m).padStart(2, '0')}-10,${100 * m}`);
    rows.push(`Other Co,2011-${String(m).padStart(2, '0')}-20,${50 * m}`);
  }
  await importCsv(page, 'old.csv', rows.join('\n'));
  const offer = page.getByTestId('as-of-offer');
  await expect(offer).toContainText('Dec 20, 2011', { timeout: 30_000 });
  await offer.getByRole('button', { name: 'Score as of Dec 20, 2011' }).click();
  await expect(offer).toBeHidden();
  await expect(page.getByTestId('as-of')).toContainText(
    'Figures as of Dec 20, 2011, a fixed date',
    {
      timeout: 30_000,
    },
  );
  // As of then, the clients are active, not churned.
  await openApp(page, '/clients');
  await expect(page.locator('[data-cell="lifecycle"]').first()).not.toContainText('Churned', {
    timeout: 30_000,
  });
  await openApp(page, '/settings');
  await expect(page.getByTestId('as-of')).toContainText('Dec 20, 2011');
  await expect(page.getByRole('combobox', { name: 'Scores are computed as of' })).toHaveValue(
    'fixed',
  );
});
