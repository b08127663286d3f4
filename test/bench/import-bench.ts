/**
 * `npm run bench:import`: imports at scale in Chromium, through the Data view of the
 * production build (its own copy in `.bench-import/`, served on its own port):
 * 1. a generated 1,000,000-row transactions CSV (50,000 clients named by id) into an
 *    empty workspace: read, dry run and import;
 * 2. the backup of the large generated base (50,000 clients, 1,000,000 invoices and their
 *    interactions, feedback and complaints): exported, then, after deleting everything,
 *    read and written back with "Replace everything".
 * For each: the total time and the longest main-thread task. Before the CSV import, in a
 * fresh profile of its own, the IndexedDB write floor of the same rows: the records the
 * import writes (its clients and invoices), built in the page and written with plain
 * puts in a few transactions — no parsing, no checking, no scoring — and the import's
 * ratio to it. The last line is one JSON object. Takes a long while, mostly IndexedDB
 * writing millions of rows; `npm run bench:import -- --check-only` stops after the CSV dry
 * run (a few minutes); `-- --csv-only` skips the backup; `-- --rows=200000` imports a
 * smaller file (a twentieth as many clients). While writing, the progress shown is
 * printed every 30 s, so the write rate can be read off. BENCH_PORT sets the port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

/** BENCH_PORT lets two checkouts run the benchmark side by side. */
const PORT = Number(process.env['BENCH_PORT'] ?? 4175);
const ORIGIN = `http://localhost:${PORT}`;
const ROWS = Number(
  /^--rows=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--rows=')) ?? '')?.[1] ?? 1_000_000,
);
const CLIENTS = Math.max(1, Math.round(ROWS / 20));
/** Rows per transaction of the write floor: a few transactions, as a bulk writer would. */
const FLOOR_TRANSACTION_ROWS = 100_000;
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

/** One generated invoice row: its client's number, date, amount (to the cent) and number. */
interface BenchRow {
  client: number;
  date: string;
  amount: string;
  reference: string;
}

/** The rows of the benchmark's file, the same every run. */
function* benchRows(rows: number, clients: number): Generator<BenchRow> {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let i = 0; i < rows; i += 1) {
    const client = Math.floor(random() * clients);
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    yield { client, date, amount: (50 + random() * 5000).toFixed(2), reference: `INV-${i}` };
  }
}

/** A transactions CSV as a spreadsheet would write it: thousands separators, mixed dates. */
function writeCsv(path: string): number {
  const lines = ['Customer ID,Customer,Invoice Date,Total,Invoice #'];
  for (const { client, date, amount, reference } of benchRows(ROWS, CLIENTS)) {
    const shown = Number(amount) >= 1000 ? `"${Number(amount).toLocaleString('en-US')}"` : amount;
    lines.push(`C${client},Client ${client},${date},${shown},${reference}`);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return statSync(path).size;
}

/**
 * The IndexedDB write floor of the rows the import writes, in a profile of its own (an
 * origin's databases share one store in Chromium: a floor written beside the workspace
 * would slow the import down). The records are built in the page as the import builds
 * them — an invoice per row with a random UUID and the same fields, a client per id, the
 * tables' indexes as the app declares them — sorted by key as the import writes them,
 * then timed: plain puts, FLOOR_TRANSACTION_ROWS per transaction.
 */
async function writeFloor(dir: string): Promise<number> {
  const context = await launch(join(dir, 'floor-profile'));
  try {
    const page = await context.newPage();
    // Any page of the origin: the app itself would open its own database meanwhile.
    await page.goto(`${ORIGIN}/favicon.svg`);
    let expectedSum = 0;
    for (const row of benchRows(ROWS, CLIENTS)) expectedSum += Math.round(Number(row.amount) * 100);
    // The rows are generated again in the page (`benchRows`, written out: a page cannot
    // call Node's code, and a million rows through the protocol would cost more than
    // they measure); the sum of their cents tells that they are the same rows.
    const { elapsed, centsSum } = await page.evaluate(
      async ({ rows, clientCount, perTransaction }) => {
        const stamp = new Date().toISOString();
        const clientIds = new Set<number>();
        const invoices: {
          id: string;
          clientId: string;
          date: string;
          amount: number;
          reference: string;
          description: string;
          createdAt: string;
          updatedAt: string;
        }[] = [];
        let seed = 7;
        const random = (): number => {
          seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
          return seed / 2_147_483_648;
        };
        let centsSum = 0;
        for (let i = 0; i < rows; i += 1) {
          const client = Math.floor(random() * clientCount);
          const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 1000) * 86_400_000);
          const amount = Number((50 + random() * 5000).toFixed(2));
          centsSum += Math.round(amount * 100);
          clientIds.add(client);
          invoices.push({
            id: crypto.randomUUID(),
            clientId: `C${client}`,
            date: day.toISOString().slice(0, 10),
            amount,
            reference: `INV-${i}`,
            description: '',
            createdAt: stamp,
            updatedAt: stamp,
          });
        }
        const clients = [...clientIds].map((n) => ({
          id: `C${n}`,
          name: `Client ${n}`,
          company: '',
          email: '',
          phone: '',
          industry: '',
          region: '',
          source: '',
          tags: [],
          notes: '',
          createdAt: stamp,
          updatedAt: stamp,
        }));
        const byId = (a: { id: string }, b: { id: string }) =>
          a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
        invoices.sort(byId);
        clients.sort(byId);
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('bench-write-floor', 1);
          request.onupgradeneeded = () => {
            const created = request.result;
            created.createObjectStore('clients', { keyPath: 'id' }).createIndex('name', 'name');
            created
              .createObjectStore('transactions', { keyPath: 'id' })
              .createIndex('[clientId+date]', ['clientId', 'date']);
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const put = (table: string, records: object[]) =>
          new Promise<void>((resolve, reject) => {
            const tx = db.transaction(table, 'readwrite');
            const store = tx.objectStore(table);
            for (const record of records) store.put(record);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
        const started = performance.now();
        await put('clients', clients);
        for (let i = 0; i < invoices.length; i += perTransaction) {
          await put('transactions', invoices.slice(i, i + perTransaction));
        }
        const elapsed = performance.now() - started;
        db.close();
        return { elapsed, centsSum };
      },
      { rows: ROWS, clientCount: CLIENTS, perTransaction: FLOOR_TRANSACTION_ROWS },
    );
    if (centsSum !== expectedSum) throw new Error('The floor wrote other rows than the file holds');
    return elapsed;
  } finally {
    await context.close();
  }
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
  if (CHECK_ONLY) {
    return { checkedMs, totalMs: null, writeMs: null, longTask: await longestTask(page) };
  }
  const writeStarted = Date.now();
  await page.getByRole('button', { name: /^Import .* rows$/ }).click();
  await reportProgress(
    page,
    '[data-csv-phase]',
    page.getByText(/^Imported .* rows and created/).waitFor(LONG),
  );
  const totalMs = Date.now() - started;
  const writeMs = Date.now() - writeStarted;
  console.log(
    `csv: imported in ${(totalMs / 1000).toFixed(1)} s (writing ${(writeMs / 1000).toFixed(1)} s)`,
  );
  return { checkedMs, totalMs, writeMs, longTask: await longestTask(page) };
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

const ratio = (ms: number | null, floor: number | null): number | null =>
  ms === null || floor === null ? null : Math.round((ms / floor) * 100) / 100;

const dir = mkdtempSync(join(tmpdir(), 'tierwise-import-bench-'));
const profile = join(dir, 'profile');
const csvPath = join(dir, 'transactions.csv');
const csvBytes = writeCsv(csvPath);
console.log(`csv: ${ROWS} rows, ${(csvBytes / 1e6).toFixed(1)} MB`);
const server = await startPreview();
try {
  const floorMs = CHECK_ONLY ? null : await writeFloor(dir);
  if (floorMs !== null) {
    console.log(
      `write floor: ${CLIENTS} clients and ${ROWS} invoices in ${(floorMs / 1000).toFixed(1)} s`,
    );
  }
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
    csv_write_ms: csv.writeMs,
    csv_longest_task_ms: Math.round(csv.longTask),
    write_floor_ms: floorMs === null ? null : Math.round(floorMs),
    // The import (file chosen to rows written) against writing its rows and nothing else.
    csv_floor_ratio: ratio(csv.totalMs, floorMs),
    csv_write_floor_ratio: ratio(csv.writeMs, floorMs),
  };
  if (floorMs !== null && csv.totalMs !== null) {
    console.log(
      `csv: ${ratio(csv.totalMs, floorMs)} × the write floor (target ≤ 1.25); its writing alone ${ratio(csv.writeMs, floorMs)} ×`,
    );
  }
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
