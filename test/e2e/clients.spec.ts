import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectFirstRowPainted, loadSampleData, waitForNames } from './app';

const numbers = async (page: Page, cell: string): Promise<number[]> =>
  (await page.locator(`[data-cell="${cell}"]`).allInnerTexts()).map((t) =>
    t.trim() === '–' ? NaN : Number(t.replace(/,/g, '')),
  );

/**
 * Deletes `row` of `card` as a person would, and checks each step: the question names the
 * record and starts on Cancel; Cancel, then Escape, keep the record and put focus back on
 * its Delete button; Delete removes it, says so and puts focus on Undo; Undo brings it back.
 */
async function deleteThenUndo(
  page: Page,
  card: Locator,
  rows: Locator,
  row: Locator,
  { question, done }: { question: string | RegExp; done: string },
): Promise<void> {
  const count = await rows.count();
  const remove = row.getByRole('button', { name: 'Delete' });
  const dialog = page.getByRole('dialog', { name: question });
  const undo = card.getByRole('button', { name: 'Undo' });

  await remove.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(undo).toHaveCount(0);
  await expect(rows).toHaveCount(count);

  await remove.click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
  await expect(rows).toHaveCount(count - 1);
  await expect(
    card.getByRole('status').filter({ has: page.getByRole('button', { name: 'Undo' }) }),
  ).toContainText(done);
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(row).toHaveCount(1);
  await expect(rows).toHaveCount(count);
  await expect(undo).toHaveCount(0);
}

test('the list sorts by each dimension, filters by tier, and keeps its filters in the URL', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 60');

  // The default columns, then the four dimensions chosen in: every chosen column is painted.
  await expect(page.getByRole('columnheader')).toHaveText([
    /Rank/,
    'Name',
    'Tier',
    'Score',
    'Stage',
    'P(active)',
    'Last contact',
  ]);
  await page.getByText('Columns', { exact: true }).click();
  for (const dimension of ['Value', 'Needs', 'Loyalty', 'Potential']) {
    await page.getByRole('checkbox', { name: dimension, exact: true }).check();
    await expect(page.getByRole('columnheader', { name: dimension, exact: true })).toBeVisible();
  }
  await expectFirstRowPainted(page);

  for (const dimension of ['Value', 'Needs', 'Loyalty', 'Potential']) {
    await page.getByRole('button', { name: dimension, exact: true }).click();
    const column = dimension.toLowerCase();
    await expect(page).toHaveURL(new RegExp(`sort=${column}&dir=desc`));
    await expect(page.getByRole('columnheader', { name: `${dimension} ↓` })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    // The rows on screen are replaced once the worker has sorted: wait for them.
    await expect
      .poll(async () => {
        const values = (await numbers(page, column)).filter((v) => !Number.isNaN(v));
        return values.length > 5 && values.every((v, i) => i === 0 || v <= values[i - 1]!);
      })
      .toBe(true);
  }

  await page.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'Core' });
  await expect(page).toHaveURL(/tier=core/);
  const count = await page.getByTestId('client-count').innerText();
  expect(count).not.toBe('Clients listed: 60');
  for (const tier of await page.locator('[data-cell="tier"]').allInnerTexts()) {
    expect(tier.trim()).toBe('Core');
  }

  await page.reload();
  await expect(page.getByTestId('client-count')).toHaveText(count);
  await expect(page.getByRole('combobox', { name: 'Tier' })).toHaveValue('1');
  // The chosen columns are remembered.
  await expect(page.getByRole('columnheader', { name: 'Potential ↓' })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL(/tier=core/);
});

test('a new client joins the list, and the CSV export holds every listed client as text', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a name');
  await page.getByRole('textbox', { name: 'Name' }).fill('=SUM(1,2)');
  await page.getByRole('textbox', { name: 'Email' }).fill('not an email');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address');
  await page.getByRole('textbox', { name: 'Email' }).fill('sum@example.com');
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('=SUM(1,2)');

  await page.getByRole('link', { name: 'All clients' }).click();
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 61');
  await waitForNames(page);
  const chinese = (await page.locator('[data-cell="name"]').allInnerTexts()).find((name) =>
    /[\u4e00-\u9fff]/.test(name),
  );
  expect(chinese).toBeDefined();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^tierwise-clients-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toBe(
    'rank,id,name,tier,abc,score,value,needs,loyalty,potential,rfm,segment,lifecycle,p_active,clv_12m',
  );
  expect(lines.length).toBe(62);
  expect(lines.slice(1).map((line) => Number(line.split(',')[0]))).toEqual(
    Array.from({ length: 61 }, (_, i) => i + 1),
  );
  expect(
    lines.some((line) => line.includes(",'=SUM(1,2),") || line.includes(`,"'=SUM(1,2)",`)),
  ).toBe(true);
  expect(
    lines.some((line) => line.includes(`,${chinese},`) || line.includes(`,"${chinese}",`)),
  ).toBe(true);
});

test('a client file: add an invoice (refused, then accepted), pin a tier, delete and undo, back to the filtered list', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.goto('/clients?tier=ordinary&sort=score&dir=desc');
  const first = page.locator('[role="row"][data-client-id]').first();
  await expect(first.locator('[data-cell="tier"]')).toHaveText('Ordinary');
  await waitForNames(page);
  const name = (await first.locator('[data-cell="name"]').innerText()).trim();
  await first.locator('[data-cell="name"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const score = page.getByTestId('client-score');
  const before = await score.innerText();
  const invoices = page.locator('[data-transaction-id]');
  const count = await invoices.count();

  const form = page.getByRole('form', { name: 'New invoice' });
  await form.getByRole('textbox', { name: 'Amount' }).fill('a lot');
  await form.getByRole('button', { name: 'Add invoice' }).click();
  await expect(form.getByRole('alert')).toContainText('Enter the amount as a number');
  await expect(invoices).toHaveCount(count);
  await form.getByRole('textbox', { name: 'Amount' }).fill('90000');
  await form.getByRole('textbox', { name: 'Reference' }).fill('BIG-1');
  await form.getByRole('button', { name: 'Add invoice' }).click();
  await expect(invoices).toHaveCount(count + 1);
  await expect(score).not.toHaveText(before, { timeout: 10_000 });
  await expect(page.locator('[data-dimension="value"]')).not.toHaveText('–');

  // Pin: a reason is required; then the file and the list show the pinned tier.
  const pinCard = page.getByRole('region', { name: 'Manual tier' });
  await pinCard.getByRole('combobox', { name: 'Tier' }).selectOption({ label: 'VIP' });
  await pinCard.getByRole('button', { name: 'Pin tier' }).click();
  await expect(pinCard.getByRole('alert')).toContainText('Say why');
  await pinCard.getByRole('textbox', { name: 'Reason' }).fill('Flagship account');
  await pinCard.getByRole('button', { name: 'Pin tier' }).click();
  await expect(pinCard.getByTestId('pinned')).toHaveText('Pinned to VIP: Flagship account');
  await expect(page.locator('#score-title .badge')).toHaveText('VIP', { timeout: 10_000 });

  // Delete the new invoice after saying so, then undo.
  const big = page.locator('[data-transaction-id]', { hasText: 'BIG-1' });
  const transactions = page.getByRole('region', { name: 'Transactions' });
  await deleteThenUndo(page, transactions, invoices, big, {
    question: 'Delete invoice BIG-1?',
    done: 'Invoice BIG-1 deleted.',
  });

  await page.goBack();
  await expect(page).toHaveURL(/tier=ordinary/);
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Tier' })).toHaveValue('2');
  // Pinned to VIP, the client has left the Ordinary list.
  await expect(page.locator('[data-cell="tier"]').first()).toHaveText('Ordinary');
  await expect(page.locator('[data-cell="name"]', { hasText: name })).toHaveCount(0);
});

test('the profile is edited in place: a bad email is refused, ratings move the scores', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.goto('/clients?sort=potential');
  const first = page.locator('[role="row"][data-client-id]').first();
  await first.locator('[data-cell="name"]').click();
  const potential = page.locator('[data-dimension="potential"]');
  const before = Number(await potential.innerText());

  await page.getByRole('button', { name: 'Edit profile' }).click();
  const profile = page.getByRole('form', { name: 'Profile' });
  await profile.getByRole('textbox', { name: 'Email' }).fill('nobody at nowhere');
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile.getByRole('alert')).toContainText('Enter an email address');
  await profile.getByRole('textbox', { name: 'Email' }).fill('');
  for (const rating of ['Budget', 'Growth room', 'Influence']) {
    await profile.getByRole('combobox', { name: rating }).selectOption('5');
  }
  await profile.getByRole('button', { name: 'Save' }).click();
  await expect(profile).toBeHidden();
  await expect(potential).not.toHaveText(String(before), { timeout: 10_000 });
  expect(Number(await potential.innerText())).toBeGreaterThan(before);
});

test('contacts, feedback and complaints are added with checks, deleted after a confirmation and restored', async ({
  page,
}) => {
  await loadSampleData(page);
  await page.goto('/clients');
  await page.locator('[data-cell="name"]').first().click();

  const feedback = page.getByRole('region', { name: 'Feedback' });
  const answers = feedback.locator('[data-feedback-id]');
  const before = await answers.count();
  const form = feedback.getByRole('form', { name: 'New feedback' });
  await form.getByRole('textbox', { name: 'Score' }).fill('9');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(form.getByRole('alert')).toContainText('Satisfaction is a whole number from 1 to 5');
  await expect(answers).toHaveCount(before);
  await form.getByRole('textbox', { name: 'Score' }).fill('5');
  await form.getByRole('textbox', { name: 'Comment' }).fill('Delighted');
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(answers).toHaveCount(before + 1);
  const added = answers.filter({ hasText: 'Delighted' });
  await deleteThenUndo(page, feedback, answers, added, {
    question: /^Delete this feedback \(.+\)\?$/,
    done: 'Deleted.',
  });
  await added.getByRole('button', { name: 'Edit' }).click();
  // The keyboard follows to the form the record is now in.
  await expect(form.locator('input, select').first()).toBeFocused();
  await form.getByRole('textbox', { name: 'Comment' }).fill('Delighted, twice');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(answers.filter({ hasText: 'Delighted, twice' })).toHaveCount(1);
  await expect(answers).toHaveCount(before + 1);

  const contacts = page.getByRole('region', { name: 'Contacts' });
  const contactRows = contacts.locator('[data-interaction-id]');
  const contactCount = await contactRows.count();
  await contacts.getByRole('textbox', { name: 'Summary' }).fill('Roadmap walk-through');
  await contacts.getByRole('button', { name: 'Add' }).click();
  await expect(contactRows).toHaveCount(contactCount + 1);
  await deleteThenUndo(
    page,
    contacts,
    contactRows,
    contactRows.filter({ hasText: 'Roadmap walk-through' }),
    {
      question: /^Delete this contact \(Call, .+\)\?$/,
      done: 'Deleted.',
    },
  );

  const complaints = page.getByRole('region', { name: 'Complaints' });
  // A complaint that says nothing is refused in words, with the keyboard on the field.
  await complaints.getByRole('button', { name: 'Add' }).click();
  await expect(complaints.getByRole('alert')).toHaveText(
    'Say what the complaint is about, in a few words.',
  );
  await expect(complaints.getByRole('textbox', { name: 'Description' })).toBeFocused();
  await expect(complaints.locator('[data-complaint-id]')).toHaveCount(0);
  await complaints.getByRole('textbox', { name: 'Description' }).fill('Late delivery');
  await complaints.getByRole('button', { name: 'Add' }).click();
  const complaint = complaints.locator('[data-complaint-id]', { hasText: 'Late delivery' });
  await complaint.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(complaint).toContainText('Resolved');
  // The button is gone: the keyboard is on the cell that says when, not on the page.
  await expect(complaint.locator('[data-resolution]')).toBeFocused();
  await deleteThenUndo(page, complaints, complaints.locator('[data-complaint-id]'), complaint, {
    question: /^Delete this complaint \(opened .+\)\?$/,
    done: 'Deleted.',
  });
  await expect(complaint).toContainText('Resolved');
});
