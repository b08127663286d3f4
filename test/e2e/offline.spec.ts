import { expect, test } from '@playwright/test';
import { loadSampleData, openApp, waitForServiceWorker, waitForNames } from './app';

test('first visit, sample data, then the app and its data work with the network cut', async ({
  page,
  context,
}) => {
  await openApp(page, '/');
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await loadSampleData(page);

  await page.getByRole('link', { name: 'Clients' }).first().click();
  await expect(page).toHaveURL(/\/clients$/);
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 60');
  await waitForNames(page);
  const firstName = await page.locator('[data-cell="name"]').first().textContent();

  expect(await waitForServiceWorker(page)).toBe('activated');

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible();
  await expect(page.getByTestId('client-count')).toHaveText('Clients listed: 60');
  await expect(page.locator('[data-cell="name"]').first()).toHaveText(firstName ?? '');
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // A deep link never visited before is served from the precache too.
  await page.goto('/model');
  await expect(page.getByRole('heading', { name: 'Scoring model' })).toBeVisible();
  await context.setOffline(false);
});

test('the manifest is valid and installable, with 192, 512 and maskable icons', async ({
  page,
  request,
}) => {
  await openApp(page, '/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await request.get(href ?? '');
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as {
    name: string;
    short_name: string;
    description: string;
    start_url: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toContain('Tierwise');
  expect(manifest.short_name).toBe('Tierwise');
  expect(manifest.description.length).toBeGreaterThan(20);
  expect(manifest.start_url).toBe('/');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);

  const sizes = async (purpose: string, size: string): Promise<void> => {
    const icon = manifest.icons.find(
      (i) => (i.purpose ?? 'any').split(' ').includes(purpose) && i.sizes === size,
    );
    expect(icon, `${purpose} icon ${size}`).toBeDefined();
    const image = await request.get(icon?.src ?? '');
    expect(image.headers()['content-type']).toBe('image/png');
    // The PNG header states the real size: width and height at bytes 16–23.
    const body = await image.body();
    const [w, h] = size.split('x').map(Number);
    expect(body.readUInt32BE(16)).toBe(w);
    expect(body.readUInt32BE(20)).toBe(h);
  };
  await sizes('any', '192x192');
  await sizes('any', '512x512');
  await sizes('maskable', '512x512');
});
