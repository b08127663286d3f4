import { expect, test, type Page } from '@playwright/test';
import { loadSampleData, openApp, waitForNames } from './app';

/** The element that has the keyboard: its tag, and its text or accessible label. */
async function focused(page: Page): Promise<{ tag: string; text: string }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? '',
      text: (element?.getAttribute('aria-label') ?? element?.textContent ?? '').trim(),
    };
  });
}

test('every flow keeps the keyboard somewhere sensible, and Escape cancels', async ({ page }) => {
  test.setTimeout(120_000);
  await loadSampleData(page);
  await openApp(page, '/clients');
  await waitForNames(page);

  // New client: the form opens on Name; Escape closes it and returns to the button.
  await page.getByRole('button', { name: 'New client' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'New client' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'New client' })).toBeFocused();

  // Add client: the new client's file, its heading focused.
  await page.keyboard.press('Enter');
  await page.keyboard.type('Keyboard Kim');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Keyboard Kim');
  expect(await focused(page)).toEqual({ tag: 'h1', text: 'Keyboard Kim' });

  // Enter on a name in the list: that client's file, its heading focused.
  await openApp(page, '/clients');
  await waitForNames(page);
  const name = page.locator('[data-cell="name"]').first();
  const clientName = (await name.innerText()).trim();
  await name.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(clientName);
  await expect.poll(() => focused(page)).toEqual({ tag: 'h1', text: clientName });

  // Edit profile: the first field; Escape cancels and returns to the button.
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await expect(
    page.getByRole('form', { name: 'Profile' }).getByRole('textbox').first(),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Profile' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit profile' })).toBeFocused();

  // An invoice's Edit: the form above the list, on its first field; Escape cancels and
  // returns to that invoice's Edit.
  const invoice = page.locator('[data-transaction-id]').first();
  await invoice.getByRole('button', { name: 'Edit', exact: true }).click();
  const editForm = page.getByRole('form', { name: /^Edit invoice / });
  await expect(editForm.getByLabel('Date', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editForm).toHaveCount(0);
  await expect(invoice.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();

  // Pin tier: after pinning, the keyboard is on Remove pin.
  const pin = page.getByRole('region', { name: 'Manual tier' });
  await pin.getByRole('textbox', { name: 'Reason' }).fill('Key account');
  await pin.getByRole('textbox', { name: 'Reason' }).press('Enter');
  await expect(pin.getByRole('button', { name: 'Remove pin' })).toBeFocused();

  // Enter in a model field never saves the whole model.
  await openApp(page, '/model');
  const weight = page.getByRole('spinbutton').first();
  await weight.fill('33');
  await weight.press('Enter');
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save model' })).toBeEnabled();
});

test('a CSV import that is done leaves the keyboard on what it says', async ({ page }) => {
  await openApp(page, '/data');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'invoices.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Client,Date,Amount\nAna,2026-01-05,100\n', 'utf8'),
  });
  await page.getByRole('button', { name: 'Read file' }).click();
  await page.getByRole('button', { name: 'Check rows' }).click();
  await page.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(page.locator('[data-csv-phase="done"]')).toBeFocused();
  await expect(page.locator('[data-csv-phase="done"]')).toContainText('Imported 1 row');
});
