import { expect, test } from '@playwright/test';
import { loadSampleData, openApp } from './app';

test('Segments draws the scatter and the profiles of the sample; a segment saved as a tag tags exactly its clients', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Segments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segments' })).toBeVisible();

  // The default measures are ticked; the segments of the sample are found and drawn.
  for (const feature of ['recencyDays', 'frequency', 'monetaryTotal', 'margin', 'satisfaction']) {
    await expect(page.locator(`input[data-feature="${feature}"]`)).toBeChecked();
  }
  const profiles = page.getByTestId('segment-profile');
  await expect(profiles.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('segments-summary')).toContainText(/\d+ clients in \d segments/);
  await expect(page.locator('[data-chart="segments-scatter"] canvas')).toBeVisible();
  await expect(page.locator('[data-chart="segments-silhouette"] canvas')).toBeVisible();
  const count = await profiles.count();
  expect(count).toBeGreaterThanOrEqual(2);
  expect(count).toBeLessThanOrEqual(8);
  // The scatter's data table lists every segment with its clients.
  const scatter = page.getByTestId('segments-scatter');
  await scatter.getByRole('button', { name: 'Show data' }).click();
  await expect(scatter.locator('tbody tr')).toHaveCount(count);
  // Coloured by tier instead: one group per tier.
  await page.getByRole('radio', { name: 'Tier' }).check();
  await expect(scatter.locator('tbody tr')).toHaveCount(4);
  // The profiles' sizes add up to the clients in the cross table.
  const sizes = await profiles
    .getByTestId('segment-size')
    .evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-size'))));
  const crossRows = page.getByTestId('segments-cross-tab').locator('tbody tr');
  await expect(crossRows).toHaveCount(count);

  // Three segments by hand.
  await page.getByTestId('segments-k').selectOption('3');
  await page.getByRole('button', { name: 'Find segments' }).click();
  await expect(profiles).toHaveCount(3);
  await expect(page.getByTestId('segments-summary')).toContainText('set by hand');
  const second = profiles.nth(1);
  const size = Number(await second.getByTestId('segment-size').getAttribute('data-size'));
  expect(size).toBeGreaterThan(0);
  expect(sizes.length).toBe(count);

  // Saved as a tag: the Clients list's tag filter lists exactly that many clients.
  const tag = second.getByRole('textbox', { name: 'Tag for segment 2' });
  await tag.fill('Segment two');
  await second.getByRole('button', { name: 'Save as tag' }).click();
  await expect(second.getByRole('status')).toHaveText(
    size === 1 ? '1 client tagged “Segment two”.' : `${size} clients tagged “Segment two”.`,
  );
  await openApp(page, '/clients?tag=Segment%20two');
  await expect(page.getByTestId('client-count')).toHaveText(`Clients listed: ${size}`);

  // A blank tag is refused in words, nothing saved.
  await openApp(page, '/segments');
  await expect(profiles.first()).toBeVisible({ timeout: 30_000 });
  const first = profiles.first();
  await first.getByRole('textbox').fill('   ');
  await first.getByRole('button', { name: 'Save as tag' }).click();
  await expect(first.getByRole('status')).toHaveText('A tag is 1 to 50 characters.');
});

test('Segments works from the keyboard', async ({ page }) => {
  test.setTimeout(90_000);
  await loadSampleData(page);
  await openApp(page, '/segments');
  await expect(page.getByTestId('segment-profile').first()).toBeVisible({ timeout: 30_000 });
  // Untick every measure from the keyboard: the form says one is needed.
  const boxes = page.locator('input[name="feature"]:checked');
  while ((await boxes.count()) > 0) {
    await boxes.first().focus();
    await page.keyboard.press('Space');
  }
  await expect(page.getByText('Pick at least one measure.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Find segments' })).toBeDisabled();
  await page.locator('input[data-feature="monetaryTotal"]').focus();
  await page.keyboard.press('Space');
  await page.locator('input[data-feature="recencyDays"]').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('segments-k').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Find segments' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('segment-profile').first()).toContainText(
    'Days since last purchase',
  );
  await expect(page.getByTestId('segment-profile').first()).not.toContainText('Margin');
});
