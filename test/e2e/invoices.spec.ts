import { expect, test, type Page } from '@playwright/test';
import { loadSampleData, openApp, waitForNames } from './app';

/** `YYYY-MM-DD`, `days` from today in the browser's time zone. */
async function dayFromToday(page: Page, days: number): Promise<string> {
  return page.evaluate((offset) => {
    const day = new Date();
    day.setDate(day.getDate() + offset);
    const pad = (n: number): string => String(n).padStart(2, '0');
    return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
  }, days);
}

/** The names the Clients list shows with the Overdue filter on, once they are all read. */
async function overdueNames(page: Page): Promise<string[]> {
  await openApp(page, '/clients');
  await waitForNames(page);
  await page.getByRole('checkbox', { name: 'Overdue only' }).check();
  await expect(page).toHaveURL(/overdue=1/);
  await expect(page.locator('[data-cell="name"]', { hasText: /^…$/ })).toHaveCount(0);
  return (await page.locator('[data-cell="name"]').allInnerTexts()).map((n) => n.trim());
}

/** The points the client file gives for paying on time, as a number ("+4.2 of 7.5" → 4.2). */
async function punctualityPoints(page: Page): Promise<number> {
  const text = await page.locator('[data-metric="onTimeShare"] .number').innerText();
  return Number(/[\d.]+/.exec(text)?.[0]);
}

test('an invoice past its due date is Overdue with its days and the balance; Mark paid settles it', async ({
  page,
}) => {
  await loadSampleData(page);
  // A client who has lapsed: every old invoice paid, nothing owed.
  await openApp(page, '/clients?stage=churned');
  await waitForNames(page);
  const link = page.locator('a[data-cell="name"]').first();
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('outstanding')).toHaveText('$0.00');
  await expect(page.getByTestId('overdue')).toHaveText('$0.00');

  // An invoice of 40 days ago, due 10 days ago, still unpaid.
  const form = page.getByRole('form', { name: 'New invoice' });
  await form.getByLabel('Date', { exact: true }).fill(await dayFromToday(page, -40));
  await form.getByRole('textbox', { name: 'Amount' }).fill('1,200.50');
  await form.getByRole('textbox', { name: 'Reference' }).fill('LATE-1');
  await form.getByRole('textbox', { name: 'Description' }).fill('Spring campaign');
  await form.getByLabel('Due date').fill(await dayFromToday(page, -10));
  await form.getByRole('textbox', { name: 'Hours' }).fill('12');
  await form.getByRole('button', { name: 'Add invoice' }).click();
  const row = page.locator('[data-transaction-id]', { hasText: 'LATE-1' });
  await expect(row).toContainText('Spring campaign');
  await expect(row).toContainText('12 hours');
  await expect(row.locator('[data-status]')).toHaveText('Overdue (10 days)');
  await expect(page.getByTestId('outstanding')).toHaveText('$1,200.50');
  await expect(page.getByTestId('overdue')).toContainText('$1,200.50');
  await expect(page.getByTestId('overdue')).toContainText('1 invoice overdue');

  // Scored with it, the client is in the Overdue list.
  await expect.poll(() => overdueNames(page), { timeout: 20_000 }).toContain(name);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByTestId('client-score')).toBeVisible();
  const before = await punctualityPoints(page);

  const paid = row.getByRole('button', { name: 'Mark paid' });
  await paid.click();
  await expect(row.locator('[data-status]')).toHaveText(/^Paid /);
  await expect(row.getByRole('button', { name: 'Mark paid' })).toHaveCount(0);
  // The keyboard is on the invoice's Edit button, not lost with the button that went.
  await expect(row.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await expect(page.getByTestId('outstanding')).toHaveText('$0.00');
  await expect(page.getByTestId('overdue')).toHaveText('$0.00');

  // Rescored: no longer overdue, and paying never made the client look less punctual.
  await expect.poll(() => overdueNames(page), { timeout: 20_000 }).not.toContain(name);
  await openApp(page, '/clients');
  await waitForNames(page);
  await page.locator('a[data-cell="name"]', { hasText: name }).first().click();
  await expect(page.getByTestId('client-score')).toBeVisible();
  expect(await punctualityPoints(page)).toBeGreaterThanOrEqual(before);
});

test('every field of an invoice is edited in place; a refusal says why and writes nothing; Escape cancels', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/clients?stage=churned');
  await waitForNames(page);
  await page.locator('a[data-cell="name"]').first().click();
  const form = page.getByRole('form', { name: 'New invoice' });
  await form.getByRole('textbox', { name: 'Amount' }).fill('500');
  await form.getByRole('textbox', { name: 'Reference' }).fill('EDIT-1');
  await form.getByRole('button', { name: 'Add invoice' }).click();
  const row = page.locator('[data-transaction-id]', { hasText: 'EDIT-1' });
  await expect(row.locator('[data-status]')).toHaveText('Due');

  await row.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit invoice EDIT-1' });
  await expect(edit.getByLabel('Date', { exact: true })).toBeFocused();
  await edit.getByRole('textbox', { name: 'Cost' }).fill('-5');
  await edit.getByRole('textbox', { name: 'Amount' }).fill('-120');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toHaveText(
    'Enter the cost as a number of at least 0, such as 300, or leave it empty.',
  );
  await expect(row).toContainText('$500.00');
  // Escape leaves the edit: nothing written, the keyboard back on the row.
  await edit.getByRole('textbox', { name: 'Cost' }).press('Escape');
  await expect(page.getByRole('form', { name: 'New invoice' })).toBeVisible();
  await expect(row.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await expect(row).toContainText('$500.00');

  // A refund stays negative, and is a refund whatever its dates.
  await row.getByRole('button', { name: 'Edit', exact: true }).click();
  await edit.getByRole('textbox', { name: 'Amount' }).fill('-120');
  await edit.getByRole('textbox', { name: 'Cost' }).fill('30');
  await edit.getByLabel('Paid date').fill(await dayFromToday(page, 0));
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  await expect(row).toContainText('-$120.00');
  await expect(row).toContainText('cost $30.00');
  await expect(row.locator('[data-status]')).toHaveText('Refund');
});

test('the dashboard totals what is overdue, and lists who owes it among what needs attention', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/dashboard');
  const kpi = page.locator('[data-kpi="overdue"]');
  await expect(kpi).toBeVisible();
  const before = Number(await kpi.locator('data').getAttribute('value'));

  await openApp(page, '/clients?stage=churned');
  await waitForNames(page);
  const link = page.locator('a[data-cell="name"]').first();
  const name = (await link.innerText()).trim();
  await link.click();
  const form = page.getByRole('form', { name: 'New invoice' });
  await form.getByLabel('Date', { exact: true }).fill(await dayFromToday(page, -30));
  await form.getByRole('textbox', { name: 'Amount' }).fill('4,321');
  await form.getByLabel('Due date').fill(await dayFromToday(page, -2));
  await form.getByRole('button', { name: 'Add invoice' }).click();
  await expect(page.getByTestId('overdue')).toContainText('$4,321.00');

  await openApp(page, '/dashboard');
  await expect
    .poll(async () => Number(await kpi.locator('data').getAttribute('value')), { timeout: 20_000 })
    .toBeCloseTo(before + 4321, 2);
  await expect(kpi).toContainText(/owed by \d+ clients?/);
  const entry = page.locator('[data-attention="overdue"] li', { hasText: name });
  await expect(entry).toContainText('$4,321.00 on 1 invoice, due since');
  await entry.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});

test('the default hourly rate is set in Settings: a bad one is refused in words, a good one kept', async ({
  page,
}) => {
  await loadSampleData(page);
  await openApp(page, '/settings');
  const rate = page.getByRole('textbox', { name: 'Default hourly rate' });
  await expect(rate).toHaveValue('40');
  await rate.fill('forty');
  await page.getByRole('button', { name: 'Save rate' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Enter the hourly rate as a number of at least 0, such as 40.',
  );
  await rate.press('Escape');
  await expect(rate).toHaveValue('40');
  await rate.fill('62.5');
  await rate.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Hourly rate saved' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Default hourly rate' })).toHaveValue('62.5');
});
