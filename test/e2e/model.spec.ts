import { expect, test, type Page } from '@playwright/test';
import { loadSampleData, waitForNames } from './app';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name }).click();

/** The names at the top of the ranking: what a person sees first. */
const topNames = async (page: Page) => {
  await waitForNames(page);
  return (await page.locator('[data-cell="name"]').allInnerTexts()).slice(0, 10);
};

test('a dimension weight changed in the Model view is previewed, saved, and reranks the clients', async ({
  page,
}) => {
  await loadSampleData(page);
  await nav(page, 'Clients');
  await expect(page.locator('[data-cell="rank"]').first()).toHaveText('1');
  const before = await topNames(page);
  expect(before).toHaveLength(10);

  await nav(page, 'Model');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('status')).toHaveAttribute('data-preview', 'unchanged');
  await expect(preview.getByTestId('preview-movers')).toHaveCount(0);

  // Value stops counting: the ranking is then made by needs, loyalty and potential.
  const value = page.getByRole('spinbutton', { name: 'Value weight', exact: true });
  await expect(value).toHaveValue('40');
  await value.fill('0');
  await expect(preview.getByRole('status')).toHaveAttribute('data-preview', 'ready');
  const changed = preview.getByTestId('preview-changed');
  await expect(changed).toContainText(/\d+ of 60 clients would change tier/);
  expect(Number((await changed.innerText()).split(' ')[0])).toBeGreaterThan(0);
  const movers = preview.getByTestId('preview-movers').locator('tbody tr');
  await expect(movers).toHaveCount(10);
  // The after-counts add up to every client, like the before-counts.
  for (const side of ['before', 'after']) {
    const counts = await preview.getByTestId(`preview-${side}`).locator('td').allInnerTexts();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(60);
  }
  // The mover that ends highest, to look up in the list afterwards.
  const moved = await movers.evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-client-id') ?? '',
      name: row.querySelector('th a')?.textContent?.trim() ?? '',
      before: Number(row.querySelector('[data-rank-before]')?.getAttribute('data-rank-before')),
      after: Number(row.querySelector('[data-rank-after]')?.getAttribute('data-rank-after')),
    })),
  );
  expect(moved.every((m) => m.after !== m.before)).toBe(true);
  const mover = moved.reduce((a, b) => (b.after < a.after ? b : a));

  await page.getByRole('button', { name: 'Save model' }).click();
  await expect(page.getByTestId('model-status')).toHaveText(/Model saved/);
  await expect(value).toHaveValue('0');
  await expect(page.getByRole('button', { name: 'Save model' })).toBeDisabled();

  await nav(page, 'Clients');
  await expect.poll(() => topNames(page), { timeout: 10_000 }).not.toEqual(before);
  // The list agrees with the preview: the mover is where it said (its rank stays the
  // overall rank when the list is searched).
  await page.getByRole('searchbox', { name: 'Search' }).fill(mover.name);
  const row = page.locator(`[role="row"][data-client-id="${mover.id}"]`);
  await expect(row.locator('[data-cell="rank"]')).toHaveText(String(mover.after));
});

test('the Model view refuses weights that are all zero and overlapping thresholds, in words', async ({
  page,
}) => {
  await loadSampleData(page);
  await nav(page, 'Model');
  for (const dimension of ['Value', 'Needs', 'Loyalty', 'Potential']) {
    await page.getByRole('spinbutton', { name: `${dimension} weight`, exact: true }).fill('0');
  }
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: 'At least one dimension needs a weight above zero.' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save model' })).toBeDisabled();
  await expect(page.getByRole('region', { name: 'Preview' }).getByRole('status')).toHaveAttribute(
    'data-preview',
    'invalid',
  );

  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('spinbutton', { name: 'Value weight', exact: true })).toHaveValue(
    '40',
  );
  const core = page.getByRole('spinbutton', { name: 'Tier 2: from score' });
  await core.fill('80');
  const message = page.getByRole('alert').filter({ hasText: 'the thresholds overlap' });
  await expect(message).toBeVisible();
  await expect(page.getByRole('table').filter({ has: core })).toHaveAttribute(
    'aria-describedby',
    (await message.getAttribute('id')) ?? 'missing',
  );
  await expect(page.getByRole('button', { name: 'Save model' })).toBeDisabled();

  // Reset to default asks first, then brings back the default thresholds.
  await page.getByRole('button', { name: 'Reset to default' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Use the default' }).click();
  await expect(core).toHaveValue('55');
  await expect(message).toHaveCount(0);
});
