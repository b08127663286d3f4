import { expect, test, type Page } from '@playwright/test';
import {
  deleteAllData,
  dumpUserTables,
  exportBackup,
  loadSampleData,
  openApp,
  waitForServiceWorker,
} from './app';

/** Adds a client through the New client form and waits for its file. */
async function addClient(page: Page, name: string, tags: string): Promise<void> {
  await openApp(page, '/clients');
  await page.getByRole('button', { name: 'New client' }).click();
  const form = page.getByRole('form', { name: 'New client' });
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'Tags (separated by commas)' }).fill(tags);
  await form.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
}

async function restore(page: Page, path: string, passphrase = ''): Promise<void> {
  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByLabel('Passphrase (for encrypted backups)').fill(passphrase);
  await page.getByRole('button', { name: 'Read backup' }).click();
  await expect(page.getByTestId('backup-preview')).toBeVisible();
  const automatic = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await automatic;
  await expect(page.locator('[data-phase="done"]')).toContainText('Imported');
}

test('a client named “constructor” tagged “prototype, __proto__” survives a backup, plain and encrypted', async ({
  page,
}) => {
  await addClient(page, 'constructor', 'prototype, __proto__');
  await openApp(page, '/data');
  const plain = await exportBackup(page);
  const sealed = await exportBackup(page, 'correct horse battery');
  const original = JSON.parse(await dumpUserTables(page)) as unknown;

  for (const [path, passphrase] of [
    [plain, ''],
    [sealed, 'correct horse battery'],
  ] as const) {
    await deleteAllData(page);
    await restore(page, path, passphrase);
    expect(JSON.parse(await dumpUserTables(page))).toStrictEqual(original);
  }
  await openApp(page, '/clients');
  await expect(page.getByRole('link', { name: 'constructor' })).toBeVisible({ timeout: 30_000 });
});

/**
 * A CSV of Chinese client names, about 3 MB, built so that every 1 MiB boundary of its
 * bytes falls inside a three-byte character: where a reader that decodes each megabyte on
 * its own sees broken text.
 */
function chineseClientsCsv(): { bytes: Buffer; rows: number } {
  const rows = 9_000;
  const filler = '北京市朝阳区建国路八十八号现代城'.repeat(6);
  const lines = ['名称,备注'];
  for (let i = 0; i < rows; i += 1) lines.push(`客户${i}号,${filler}`);
  const MIB = 1024 * 1024;
  const encode = (): Buffer => Buffer.from(lines.join('\n') + '\n', 'utf8');
  const isInside = (bytes: Buffer, at: number): boolean => ((bytes[at] ?? 0) & 0xc0) === 0x80;
  let bytes = encode();
  for (let boundary = MIB; boundary < bytes.length; boundary += MIB) {
    // The last line that ends before the boundary: a space added to it moves the
    // boundary one byte further back in the text after it.
    let line = 0;
    let next = Buffer.byteLength(`${lines[0]}\n`);
    while (next + Buffer.byteLength(`${lines[line + 1]}\n`) < boundary) {
      line += 1;
      next += Buffer.byteLength(`${lines[line]}\n`);
    }
    for (let shift = 0; !isInside(bytes, boundary); shift += 1) {
      expect(shift).toBeLessThan(3);
      lines[line] = `${lines[line]} `;
      bytes = encode();
    }
  }
  expect(bytes.length).toBeGreaterThan(2.5 * MIB);
  return { bytes, rows };
}

test('a 3 MB UTF-8 CSV of Chinese names whose megabyte boundaries split characters imports every row', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { bytes, rows } = chineseClientsCsv();
  await openApp(page, '/data');
  await page.getByRole('combobox', { name: 'What the file holds' }).selectOption('clients');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'clients.csv',
    mimeType: 'text/csv',
    buffer: bytes,
  });
  await page.getByRole('button', { name: 'Read file' }).click();
  await expect(page.getByRole('heading', { name: 'Columns' })).toBeVisible();
  await page.getByRole('button', { name: 'Check rows' }).click();
  const total = rows.toLocaleString('en');
  await expect(page.getByTestId('csv-summary')).toHaveText(
    `${total} of ${total} rows can be imported; 0 will be refused.`,
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: `Import ${total} rows` }).click();
  await expect(page.locator('[data-count="clients"]')).toHaveText(total, { timeout: 60_000 });
  await openApp(page, '/clients?q=客户8999号');
  await expect(page.getByRole('link', { name: '客户8999号' })).toBeVisible({ timeout: 30_000 });
});

test('two tabs editing one profile: neither edit is lost, and an edit of the same field is refused in words', async ({
  page,
  context,
}) => {
  await loadSampleData(page);
  await page.goto('/clients?sort=rank');
  const first = page.locator('[role="row"][data-client-id]').first();
  const id = await first.getAttribute('data-client-id');
  const file = `/clients/${encodeURIComponent(id ?? '')}`;
  const other = await context.newPage();
  await openApp(page, file);
  await openApp(other, file);

  // Tab A opens the profile editor first; tab B then saves a new phone number.
  await page.getByRole('button', { name: 'Edit profile' }).click();
  const profileA = page.getByRole('form', { name: 'Profile' });
  await expect(profileA).toBeVisible();
  await other.getByRole('button', { name: 'Edit profile' }).click();
  const profileB = other.getByRole('form', { name: 'Profile' });
  await profileB.getByRole('textbox', { name: 'Phone' }).fill('+44 20 7946 0000');
  await profileB.getByRole('button', { name: 'Save' }).click();
  await expect(profileB).toBeHidden();

  // Tab A, opened before, changes the company: the phone from tab B stays.
  await profileA.getByRole('textbox', { name: 'Company' }).fill('Renamed Ltd');
  await profileA.getByRole('button', { name: 'Save' }).click();
  await expect(profileA).toBeHidden();
  await other.reload();
  await expect(other.getByText('+44 20 7946 0000')).toBeVisible();
  await expect(other.getByText('Renamed Ltd')).toBeVisible();

  // Both change the region: the second save is refused and says so, writing nothing.
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await other.getByRole('button', { name: 'Edit profile' }).click();
  await profileB.getByRole('textbox', { name: 'Region' }).fill('North');
  await profileB.getByRole('button', { name: 'Save' }).click();
  await expect(profileB).toBeHidden();
  const before = await dumpUserTables(page);
  await profileA.getByRole('textbox', { name: 'Region' }).fill('South');
  await profileA.getByRole('button', { name: 'Save' }).click();
  await expect(profileA.getByRole('alert')).toContainText('Changed elsewhere');
  await expect(profileA.getByRole('alert')).toContainText('Region');
  expect(await dumpUserTables(page)).toBe(before);
  await profileA.getByRole('button', { name: 'Reload the form' }).click();
  await expect(profileA.getByRole('textbox', { name: 'Region' })).toHaveValue('North');
});

test('every refused field says why: long tags and company, long notes, hex and far-future invoices', async ({
  page,
}) => {
  await openApp(page, '/clients');
  await page.getByRole('button', { name: 'New client' }).click();
  const form = page.getByRole('form', { name: 'New client' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Ana');
  await form.getByRole('textbox', { name: 'Company' }).fill('c'.repeat(201));
  await form.getByRole('textbox', { name: 'Tags (separated by commas)' }).fill('t'.repeat(51));
  await form.getByRole('button', { name: 'Add client' }).click();
  await expect(form.getByText('At most 200 characters.')).toBeVisible();
  await expect(form.getByText('Each one at most 50 characters.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Company' }).fill('Acme');
  await form.getByRole('textbox', { name: 'Tags (separated by commas)' }).fill('key');
  await form.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ana');

  await page.getByRole('button', { name: 'Edit profile' }).click();
  const profile = page.getByRole('form', { name: 'Profile' });
  await profile.getByRole('textbox', { name: 'Notes' }).fill('n'.repeat(20_001));
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByText('At most 20000 characters.')).toBeVisible();
  await profile.getByRole('button', { name: 'Cancel' }).click();

  const invoice = page.getByRole('form', { name: 'New invoice' });
  const invoices = page.locator('[data-transaction-id]');
  for (const amount of ['0x10', '1e3', 'Infinity']) {
    await invoice.getByRole('textbox', { name: 'Amount' }).fill(amount);
    await invoice.getByRole('button', { name: 'Add invoice' }).click();
    await expect(invoice.getByRole('alert')).toContainText('Enter the amount as a number');
  }
  await invoice.getByRole('textbox', { name: 'Amount' }).fill('1,250.50');
  await invoice.getByLabel('Date', { exact: true }).fill('9999-12-31');
  await invoice.getByRole('button', { name: 'Add invoice' }).click();
  await expect(invoice.getByRole('alert')).toContainText('More than a year ahead');
  await expect(invoices).toHaveCount(0);
  await invoice.getByLabel('Date', { exact: true }).fill('2026-01-15');
  await invoice.getByRole('button', { name: 'Add invoice' }).click();
  await expect(invoices).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Invoice of' })).toContainText(
    '$1,250.50',
  );
});

test('a cut-off client address shows the not-found view', async ({ page }) => {
  // Installed, the app answers every address itself (the server may refuse this one).
  await openApp(page, '/');
  await waitForServiceWorker(page);
  await page.reload();
  await openApp(page, '/clients/%E0%A4%A');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // An address of a client that does not exist says so, rather than loading for ever.
  await openApp(page, '/clients/no-such-client');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByText('There is no client with this address.')).toBeVisible();
  // And from inside the app, as a link would lead there.
  await openApp(page, '/clients');
  await page.evaluate(() => {
    history.pushState(null, '', '/clients/%E0%A4%A');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});
