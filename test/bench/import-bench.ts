/**
 * `npm run bench:import`: imports at scale in Chromium, through the Data view of the
 * production build (its own copy in `.bench-import/`, served on its own port):
 * 1. a generated 1,000,000-row transactions CSV (50,000 clients named by id) into an
 *    empty workspace: read, dry run and import;
 * 2. the backup of the large generated base (50,000 clients, 1,000,000 invoices and their
 *    interactions, feedback and complaints): exported, then, after deleting everything,
 *    read and written back with "Replace everything".
 * For each: the total time and the longest main-thread task. The last line is one JSON
 * object. Takes a long while, mostly IndexedDB writing millions of rows;
 * `npm run bench:import -- --check-only` stops after the CSV dry run (a few minutes);
 * `-- --csv-only` skips the backup. While writing, the progress shown is printed every
 * 30 s, so the write rate can be read off.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

const PORT = 4175;
const ORIGIN = `http://localhost:${PORT}`;
const ROWS = 1_000_000;
const CLIENTS = 50_000;
const LONG = { timeout: 60 * 60_000 };
const CHECK_ONLY = process.argv.includes('--check-only');
const CSV_ONLY = process.argv.includes('--csv-only');

/** Prints the status line's text every 30 s until `done` settles. */
async function reportProgress<T>(page: Page, selector: string, done: Promise<T>): Promise<T> {
  const started = Date.now();
  const timer = setInterval(() => {
    page
      .locator(selector)
      .innerText({ timeout: 5_000 })
      .then((text) => console.log(`  ${((Date.now() - started) / 1000).toFixed(0)} s: ${text}`))
      .catch(() => {}); // the page is reloading onto the new database
  }, 30_000);
  try {
    return await done;
  } finally {
    clearInterval(timer);
  }
}

async function startPreview(): Promise<ChildProcess> {
  const args = [
    'vite',
    'preview',
    '--outDir',
    '.bench-import',
    '--port',
    String(PORT),
    '--strictPort',
  ];
  const server = spawn('npx', args, { stdio: 'ignore', detached: true });
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(ORIGIN)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`vite preview did not answer on ${ORIGIN}`);
}

/** A transactions CSV as a spreadsheet would write it: thousands separators, mixed dates. */
function writeCsv(path: string): number {
  const lines = ['Customer ID,Customer,Invoice Date,Total,Invoice #'];
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < ROWS; i += 1) {
    const client = Math.floor(random() * CLIENTS);
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000) * 86_400_000);
    const iso = day.toISOString().slice(0, 10);
    const amount = (50 + random() * 5000).toFixed(2);
    const shown = Number(amount) >= 1000 ? `"${Number(amount).toLocaleString('en-US')}"` : amount;
    lines.push(`C${client},Client ${client},${iso},${shown},INV-${i}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return statSync(path).size;
}

/**
 * Long tasks of the page's main thread, kept in sessionStorage: a very large import swaps
 * in a new database and reloads the page, and the tasks before and after both count.
 */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const KEY = 'bench:long-tasks';
    new PerformanceObserver((list) => {
      const tasks = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as number[];
      for (const entry of list.getEntries()) tasks.push(entry.duration);
      sessionStorage.setItem(KEY, JSON.stringify(tasks));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** From now on: what an import costs the page, not how long the page took to load. */
const startMeasuring = (page: Page): Promise<void> =>
  page.evaluate(() => sessionStorage.setItem('bench:long-tasks', '[]'));

const longestTask = (page: Page): Promise<number> =>
  page.evaluate(() =>
    Math.max(0, ...(JSON.parse(sessionStorage.getItem('bench:long-tasks') ?? '[]') as number[])),
  );

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
    acceptDownloads: true,
  });
}

async function importCsv(page: Page, path: string) {
  await page.goto(`${ORIGIN}/data`);
  await page.getByRole('button', { name: 'Read file' }).waitFor();
  await startMeasuring(page);
  const started = Date.now();
  await page.getByLabel('CSV file').setInputFiles(path);
  await page.getByRole('button', { name: 'Read file' }).click();
  await page.getByRole('button', { name: 'Check rows' }).click();
  await page.getByTestId('csv-summary').waitFor(LONG);
  const checkedMs = Date.now() - started;
  console.log(`csv: ${await page.getByTestId('csv-summary').innerText()} (${checkedMs} ms)`);
  if (CHECK_ONLY) return { checkedMs, totalMs: null, longTask: await longestTask(page) };
  await page.getByRole('button', { name: /^Import .* rows$/ }).click();
  await reportProgress(
    page,
    '[data-csv-phase]',
    page.getByText(/^Imported .* rows and created/).waitFor(LONG),
  );
  const totalMs = Date.now() - started;
  console.log(`csv: imported in ${(totalMs / 1000).toFixed(1)} s`);
  return { checkedMs, totalMs, longTask: await longestTask(page) };
}

async function roundTripBackup(page: Page, dir: string) {
  await page.goto(`${ORIGIN}/data`);
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
  await page.locator('[data-count="clients"]').filter({ hasText: /^0$/ }).waitFor(LONG);
  await page.getByRole('button', { name: 'Load large sample' }).click();
  await page.getByText(/^Loaded 50,000 clients/).waitFor(LONG);
  let started = Date.now();
  const download = page.waitForEvent('download', LONG);
  await page.getByRole('button', { name: 'Export backup' }).click();
  const path = join(dir, 'large-backup.json');
  await (await download).saveAs(path);
  const exportMs = Date.now() - started;
  const bytes = statSync(path).size;
  console.log(
    `backup: exported ${(bytes / 1e6).toFixed(0)} MB in ${(exportMs / 1000).toFixed(1)} s`,
  );
  await page.getByRole('button', { name: 'Delete all data…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete everything' }).click();
  await page.locator('[data-count="clients"]').filter({ hasText: /^0$/ }).waitFor(LONG);
  await page.reload();
  await page.getByRole('button', { name: 'Read backup' }).waitFor();
  await startMeasuring(page);
  started = Date.now();
  await page.getByLabel('Backup file').setInputFiles(path);
  await page.getByRole('button', { name: 'Read backup' }).click();
  await page.getByTestId('backup-preview').waitFor(LONG);
  const readMs = Date.now() - started;
  console.log(`backup: read and checked in ${(readMs / 1000).toFixed(1)} s`);
  await page.getByRole('button', { name: 'Replace everything' }).click();
  await reportProgress(
    page,
    'p.status[data-phase]',
    page.locator('[data-phase="done"]').waitFor(LONG),
  );
  const totalMs = Date.now() - started;
  console.log(`backup: imported in ${(totalMs / 1000).toFixed(1)} s`);
  return { bytes, exportMs, readMs, totalMs, longTask: await longestTask(page) };
}

const dir = mkdtempSync(join(tmpdir(), 'tierwise-import-bench-'));
const profile = join(dir, 'profile');
const csvPath = join(dir, 'transactions.csv');
const csvBytes = writeCsv(csvPath);
console.log(`csv: ${ROWS} rows, ${(csvBytes / 1e6).toFixed(1)} MB`);
const server = await startPreview();
try {
  const context = await launch(profile);
  const page = await context.newPage();
  await watchLongTasks(page);
  const csv = await importCsv(page, csvPath);
  const backup = CHECK_ONLY || CSV_ONLY ? null : await roundTripBackup(page, dir);
  await context.close();
  const figures: Record<string, number | null> = {
    csv_rows: ROWS,
    csv_mb: Math.round(csvBytes / 1e6),
    csv_check_ms: csv.checkedMs,
    csv_total_ms: csv.totalMs,
    csv_longest_task_ms: Math.round(csv.longTask),
  };
  if (backup) {
    Object.assign(figures, {
      backup_mb: Math.round(backup.bytes / 1e6),
      backup_export_ms: backup.exportMs,
      backup_read_ms: backup.readMs,
      backup_total_ms: backup.totalMs,
      backup_longest_task_ms: Math.round(backup.longTask),
    });
  }
  console.log(JSON.stringify(figures));
} finally {
  if (server.pid) process.kill(-server.pid);
  rmSync(dir, { recursive: true, force: true });
}
