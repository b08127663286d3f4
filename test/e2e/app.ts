import { expect, type Page } from '@playwright/test';

/** What a person does often: open the app on a path and wait for the shell. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** From an empty workspace: load the sample and wait until it is written. */
export async function loadSampleData(page: Page): Promise<void> {
  await openApp(page, '/dashboard');
  await page.getByRole('button', { name: 'Load sample data' }).click();
  await expect(page.locator('[data-stat="clients"]')).toHaveText('60', { timeout: 30_000 });
  // Scores of the sample are shown; a run that began before it was written may follow.
  await expect(page.locator('.scoring-status[data-phase="idle"]')).toBeAttached();
  // A workspace's first clients are evaluated once (docs/scoring.md, "Evaluations"): the
  // sample is loaded when that evaluation is stored, so a test that compares the tables
  // later sees only its own changes.
  await expect.poll(async () => (await storedEvaluations(page)).length).toBe(1);
}

/** The workspace's stored evaluations, read straight from IndexedDB. */
export async function storedEvaluations(
  page: Page,
): Promise<{ trigger: string; takenAt: string }[]> {
  const { active } = await workspaceDatabases(page);
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<{ trigger: string; takenAt: string }[]>((resolve, reject) => {
      const request = db.transaction('evaluations').objectStore('evaluations').getAll();
      request.onsuccess = () => resolve(request.result as { trigger: string; takenAt: string }[]);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  }, active);
}

/**
 * Resolves once the service worker is installed and activated, i.e. the app is
 * precached. (It controls pages from the next navigation on: with the update prompt, a
 * first install does not claim the open page.)
 */
export async function waitForServiceWorker(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return 'none';
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        }),
      );
    }
    return worker.state;
  });
}

/** The Clients list reads the names of the rows on screen after showing them: wait for those. */
export async function waitForNames(page: Page): Promise<void> {
  // New scores clear the names the list holds: wait for the scorer to settle first.
  await expect(page.locator('.scoring-status[data-phase="idle"]')).toBeAttached();
  await expect(page.locator('[data-cell="name"]').first()).toBeVisible();
  await expect(page.locator('[data-cell="name"]', { hasText: /^…$/ })).toHaveCount(0);
}

/**
 * The IndexedDB databases of the origin and the one the workspace pointer names
 * (`tierwise` while there is no pointer), read straight from IndexedDB.
 */
export async function workspaceDatabases(page: Page): Promise<{ active: string; all: string[] }> {
  return page.evaluate(async () => {
    const all = (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
    if (!all.includes('tierwise-meta')) return { active: 'tierwise', all };
    const meta = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tierwise-meta');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const pointer = await new Promise<{ name: string } | undefined>((resolve, reject) => {
      const request = meta.transaction('pointer').objectStore('pointer').get('active');
      request.onsuccess = () => resolve(request.result as { name: string } | undefined);
      request.onerror = () => reject(request.error);
    });
    meta.close();
    return { active: pointer?.name ?? 'tierwise', all };
  });
}

/** The user tables of the workspace, read straight from IndexedDB, as comparable text. */
export async function dumpUserTables(page: Page): Promise<string> {
  const { active } = await workspaceDatabases(page);
  return page.evaluate(async (name) => {
    const tables = [
      'settings',
      'models',
      'clients',
      'transactions',
      'interactions',
      'feedback',
      'complaints',
      'evaluations',
      'evaluationColumns',
    ];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(tables, 'readonly');
    const dump: Record<string, unknown[]> = {};
    await Promise.all(
      tables.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => {
              dump[name] = request.result as unknown[];
              resolve();
            };
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return JSON.stringify(dump);
  }, active);
}

/** Deletes all data through the Data view (from /data). */
export async function deleteAllData(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
  await expect(page.locator('[data-count="clients"]')).toHaveText('0');
}

/** Exports a backup from the Data view (encrypted with `passphrase`); returns the file's path. */
export async function exportBackup(page: Page, passphrase?: string): Promise<string> {
  if (passphrase) {
    // A banner arriving above can move the box as it is clicked: check until it holds.
    const encrypt = page.getByLabel('Encrypt with a passphrase');
    await expect(async () => {
      await encrypt.check();
      await expect(encrypt).toBeChecked({ timeout: 500 });
    }).toPass();
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Repeat the passphrase').fill(passphrase);
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export backup' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^tierwise-backup-\\d{4}-\\d{2}-\\d{2}${passphrase ? '\\.encrypted' : ''}\\.json$`),
  );
  await expect(page.getByRole('status').filter({ hasText: 'Saved tierwise-backup' })).toBeVisible();
  return file.path();
}

/**
 * The first-install "works offline" toast sits over the page's corner on purpose; a
 * check of what the page itself paints dismisses it first. It appears as the service
 * worker activates, so wait for that before looking.
 */
export async function dismissOfflineToast(page: Page): Promise<void> {
  await waitForServiceWorker(page);
  const toast = page.getByTestId('offline-ready');
  if (await toast.isVisible()) await toast.getByRole('button').click();
  await expect(toast).toHaveCount(0);
}

/** Every cell of the list's first row is on screen, at least 8 px wide, and not covered. */
export async function expectFirstRowPainted(page: Page): Promise<void> {
  await waitForNames(page);
  await dismissOfflineToast(page);
  const cells = page.locator('[role="row"][data-client-id]').first().locator('[role="cell"]');
  const count = await cells.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i += 1) {
    const cell = cells.nth(i);
    await cell.scrollIntoViewIfNeeded();
    const painted = await cell.evaluate((element) => {
      const box = element.getBoundingClientRect();
      if (box.width < 8 || box.height < 8) return false;
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return hit !== null && (hit === element || element.contains(hit));
    });
    expect(painted, `cell ${await cell.getAttribute('data-cell')}`).toBe(true);
  }
}
