/**
 * `npm run bench:browser`: the app at scale in Chromium. Loads the large generated base
 * (50,000 clients, 1,000,000 invoices) through the Data view, then measures
 * - cold start: a fresh browser opening /clients until the ranked list shows rank 1;
 * - list: scrolling the whole ranked list and typing a search, with the longest
 *   main-thread task meanwhile;
 * - rescore: saving one edited invoice in a client's file until its new score shows;
 * - listed: the same, until the list in another tab shows the new score and rank, and a
 *   scrolled list keeps its place;
 * - dashboard: a fresh browser opening /dashboard (scores stored) until every chart is drawn;
 * - today: a fresh browser opening / (Today, the start page) until its follow-ups are on
 *   screen; and going to Today by its link after reading the Clients list a few seconds;
 * with the longest main-thread task seen meanwhile. Prints medians; the last line is one
 * JSON object. Needs the production build in `.bench-app/` (its own, so the end-to-end
 * tests can build and run meanwhile) and Chromium (see ../chromium.ts).
 *
 * BENCH_PROFILE=<folder> keeps the browser profile there: a later run finds the large
 * base already stored, skips the 10–20 minute load, and measures the current build (its
 * service worker and caches are cleared first, so the new build is what gets served).
 * `--load-only` stops after storing the base, for measuring later on a quiet machine;
 * `--only=dashboard` (or any of cold, list, rescore, listed, dashboard, today) measures just those steps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

/** BENCH_PORT lets two checkouts run the benchmark side by side. */
const PORT = Number(process.env['BENCH_PORT'] ?? 4174);
const ORIGIN = `http://localhost:${PORT}`;
const COLD_STARTS = 5;
const EDITS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function startPreview(): Promise<ChildProcess> {
  const args = [
    'vite',
    'preview',
    '--outDir',
    '.bench-app',
    '--port',
    String(PORT),
    '--strictPort',
  ];
  const server = spawn('npx', args, {
    stdio: 'ignore',
    detached: true,
  });
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

/** Records main-thread long tasks from now on, into `window.longTasks`. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() =>
    Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
  );
}

/** Today's follow-ups, or the words that none is due. */
const FOLLOW_UPS = '[data-follow-up], [data-testid="no-follow-ups"]';

/**
 * Watches, from the document's start, for the first element `selector` matches to be drawn;
 * the promise returned resolves with when it was, on the page's clock (from its
 * navigation): the render time the browser reports for it (Element Timing), so its layout
 * and paint count, and nothing that runs after that frame does. Call it before `page.goto`.
 * The page tells the test through a binding: a check sent once `goto` had returned began
 * 100–500 ms late on a busy two-core start (after the load event and a round trip), and the
 * test tool's own script, evaluated in the page for it, took the main thread from the
 * start it measured.
 */
async function watchShown(page: Page, selector: string): Promise<() => Promise<number>> {
  let resolveShown: (ms: number) => void = () => undefined;
  const shown = new Promise<number>((resolve) => (resolveShown = resolve));
  await page.exposeFunction('tierwiseShown', (ms: number) => resolveShown(ms));
  await page.addInitScript((wanted) => {
    const tell = (window as unknown as { tierwiseShown: (ms: number) => void }).tierwiseShown;
    const MARK = 'tierwise-watched';
    // Marked as it is inserted, before the frame that draws it, with what it holds (text is
    // reported for the block that holds it): the browser then says when that frame put it
    // on screen.
    new MutationObserver(() => {
      for (const element of document.querySelectorAll(`${wanted}, :is(${wanted}) *`)) {
        if (!element.hasAttribute('elementtiming')) element.setAttribute('elementtiming', MARK);
      }
    }).observe(document, { childList: true, subtree: true });
    const drawn = new PerformanceObserver((list) => {
      // 'element' entries: PerformanceElementTiming, which TypeScript's DOM types lack.
      const entries = list.getEntries() as (PerformanceEntry & {
        identifier: string;
        renderTime: number;
      })[];
      const entry = entries.find((candidate) => candidate.identifier === MARK);
      if (!entry) return;
      drawn.disconnect();
      tell(entry.renderTime);
    });
    drawn.observe({ type: 'element', buffered: true });
  }, selector);
  return () =>
    Promise.race([
      shown,
      new Promise<number>((_, reject) =>
        setTimeout(() => reject(new Error(`${selector} not shown in 2 minutes`)), 120_000),
      ),
    ]);
}

function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
  });
}

async function loadLargeBase(profile: string): Promise<number> {
  const context = await launch(profile);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/data`);
  const started = Date.now();
  await page.getByRole('button', { name: 'Load large sample' }).click();
  await page
    .getByText(/^Loaded 50,000 clients/)
    .waitFor({ timeout: 45 * 60_000 })
    .catch(async (error: unknown) => {
      console.log(await page.locator('main').innerText());
      throw error;
    });
  const loadMs = Date.now() - started;
  await page.goto(`${ORIGIN}/clients`);
  await page
    .locator('[data-cell="rank"]')
    .first()
    .waitFor({ timeout: 5 * 60_000 });
  // Let the worker store what it keeps for the next start before the browser closes.
  await page
    .locator('.scoring-status[data-phase="idle"]')
    .waitFor({ state: 'attached', timeout: 5 * 60_000 });
  await page.waitForTimeout(4_000);
  await context.close();
  return loadMs;
}

/**
 * Forgets the service worker and caches a kept profile holds from an earlier build, then
 * opens the app once so the current build installs and the stored scores are current.
 */
async function refreshKeptProfile(profile: string): Promise<void> {
  const context = await launch(profile);
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/settings`);
  await page.evaluate(async () => {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      await registration.unregister();
    }
    for (const key of await caches.keys()) await caches.delete(key);
  });
  await context.close();
  const warm = await launch(profile);
  const clients = await warm.newPage();
  await clients.goto(`${ORIGIN}/clients`);
  await clients
    .locator('[data-cell="rank"]')
    .first()
    .waitFor({ timeout: 5 * 60_000 });
  await clients
    .locator('.scoring-status[data-phase="idle"]')
    .waitFor({ state: 'attached', timeout: 5 * 60_000 });
  await clients.waitForTimeout(4_000);
  await warm.close();
}

async function coldStart(profile: string): Promise<{ ms: number; longTask: number }> {
  const context = await launch(profile);
  const page = await context.newPage();
  await watchLongTasks(page);
  const shownAt = await watchShown(page, '[data-cell="rank"]');
  await page.goto(`${ORIGIN}/clients`);
  // The page clock starts at navigation: this is navigation → ranked list on screen.
  const ms = await shownAt();
  const rank = await page.locator('[data-cell="rank"]').first().innerText();
  if (rank !== '1') throw new Error(`first row has rank ${rank}`);
  const longTask = await longestTask(page);
  await context.close();
  return { ms, longTask };
}

/**
 * Scrolls the whole list and types a search, watching the main thread: the longest task
 * while the user does so (after the list first shows).
 */
async function listInteraction(profile: string): Promise<{ longTask: number; searchMs: number }> {
  const context = await launch(profile);
  const page = await context.newPage();
  await watchLongTasks(page);
  await page.goto(`${ORIGIN}/clients`);
  await page.locator('[data-cell="rank"]').first().waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1_000);
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
  });
  const list = page.getByRole('rowgroup', { name: 'Clients, in list order' });
  await list.hover();
  for (let step = 0; step < 60; step += 1) {
    await page.mouse.wheel(0, 2_000);
    await page.waitForTimeout(30);
  }
  // Jump to the end and back, as a scrollbar drag does.
  await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await page.waitForTimeout(300);
  await list.evaluate((element) => element.scrollTo({ top: 0 }));
  await page.waitForTimeout(300);
  const search = page.getByRole('searchbox', { name: 'Search' });
  const started = Date.now();
  await search.pressSequentially('oliv', { delay: 120 });
  await page.getByTestId('client-count').filter({ hasNotText: '50,000' }).waitFor();
  const searchMs = Date.now() - started;
  await page.waitForTimeout(500);
  const longTask = await longestTask(page);
  await context.close();
  return { longTask, searchMs };
}

/**
 * Opens an invoice's form and types a new amount, as a user does; returns the form's Save
 * button, not yet clicked.
 */
async function editInvoiceAmount(page: Page, invoice: Locator, amount: string): Promise<Locator> {
  await invoice.getByRole('button', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: /^Edit invoice/ });
  await form.getByRole('textbox', { name: 'Amount' }).fill(amount);
  return form.getByRole('button', { name: 'Save' });
}

/** Edits one invoice of a client low in the list and times until its new score shows. */
async function rescores(profile: string): Promise<{ times: number[]; longTask: number }> {
  const context = await launch(profile);
  const page = await context.newPage();
  await watchLongTasks(page);
  // The lowest-ranked active client.
  await page.goto(`${ORIGIN}/clients?stage=active&dir=desc`);
  await page.locator('[data-cell="name"]').first().click();
  const score = page.getByTestId('client-score');
  await score.waitFor();
  await page
    .locator('.scoring-status[data-phase="idle"]')
    .waitFor({ state: 'attached', timeout: 60_000 });
  const invoice = page.locator('[data-transaction-id]').first();
  const times: number[] = [];
  for (let edit = 0; edit < EDITS; edit += 1) {
    const before = await score.innerText();
    const save = await editInvoiceAmount(page, invoice, edit % 2 === 0 ? '250000' : '15');
    // Time in the page: from the Save click to the score element changing.
    await save.evaluate((button) => {
      const w = window as unknown as { rescore: Promise<number> };
      const target = document.querySelector('[data-testid="client-score"]')!;
      w.rescore = new Promise((resolve) => {
        button.addEventListener(
          'click',
          () => {
            const clicked = performance.now();
            new MutationObserver((_, observer) => {
              observer.disconnect();
              resolve(performance.now() - clicked);
            }).observe(target, { childList: true, subtree: true, characterData: true });
          },
          { once: true, capture: true },
        );
      });
    });
    await save.click();
    times.push(
      await page.evaluate(() => (window as unknown as { rescore: Promise<number> }).rescore),
    );
    if ((await score.innerText()) === before) throw new Error('the score did not change');
    await page
      .locator('.scoring-status[data-phase="idle"]')
      .waitFor({ state: 'attached', timeout: 60_000 });
  }
  const longTask = await longestTask(page);
  await context.close();
  return { times, longTask };
}

/**
 * Three tabs: a client's file, the list searched for that client, and the whole list
 * scrolled half way down. Each invoice edit saved in the file is timed until the searched
 * list shows the client's new score and rank (the same rank the file shows); after each
 * rescore the scrolled list must still be where it was, with its rows painted.
 */
async function listAfterEdits(
  profile: string,
): Promise<{ times: number[]; scrollMoved: number; longTask: number }> {
  const context = await launch(profile);
  const file = await context.newPage();
  await file.goto(`${ORIGIN}/clients?stage=active&dir=desc`);
  const firstRow = file.locator('[role="row"][data-client-id]').first();
  await firstRow.locator('a[data-cell="name"]').waitFor({ timeout: 60_000 });
  const id = await firstRow.getAttribute('data-client-id');
  await firstRow.locator('[data-cell="name"]').click();
  const fileScore = file.getByTestId('client-score');
  await fileScore.waitFor();
  // Searched by e-mail, which is unique: a name may match hundreds, and the list paints
  // only the rows on screen.
  await file.getByRole('button', { name: 'Edit profile' }).click();
  const email = await file.getByLabel('Email', { exact: true }).inputValue();
  await file.getByRole('button', { name: 'Cancel' }).click();

  const searched = await context.newPage();
  await watchLongTasks(searched);
  await searched.goto(`${ORIGIN}/clients?q=${encodeURIComponent(email)}`);
  const row = searched.locator(`[role="row"][data-client-id="${id}"]`);
  await row.locator('[data-cell="score"]').waitFor({ timeout: 60_000 });

  const scrolled = await context.newPage();
  await scrolled.goto(`${ORIGIN}/clients`);
  await scrolled.locator('a[data-cell="name"]').first().waitFor({ timeout: 60_000 });
  const list = scrolled.getByRole('rowgroup', { name: 'Clients, in list order' });
  const place = await list.evaluate((element) => {
    element.scrollTo({ top: element.scrollHeight / 2 });
    return element.scrollTop;
  });
  await scrolled.locator('a[data-cell="name"]').first().waitFor();
  await file.locator('.scoring-status[data-phase="idle"]').waitFor({ state: 'attached' });

  const invoice = file.locator('[data-transaction-id]').first();
  const times: number[] = [];
  let scrollMoved = 0;
  for (let edit = 0; edit < EDITS; edit += 1) {
    // The searched tab resolves when both cells differ from what they show now.
    await searched.evaluate((clientId) => {
      const w = window as unknown as { listed: Promise<number> };
      const cells = () => {
        const shown = document.querySelector(`[role="row"][data-client-id="${clientId}"]`);
        const text = (cell: string) =>
          shown?.querySelector(`[data-cell="${cell}"]`)?.textContent?.trim() ?? '';
        return { rank: text('rank'), score: text('score') };
      };
      const before = cells();
      w.listed = new Promise((resolve) => {
        new MutationObserver((_, observer) => {
          const now = cells();
          if (now.rank === before.rank || now.score === before.score || now.rank === '') return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
      });
    }, id);
    const save = await editInvoiceAmount(file, invoice, edit % 2 === 0 ? '250000' : '15');
    await save.evaluate((button) => {
      button.addEventListener(
        'click',
        () => {
          (window as unknown as { clickedAt: number }).clickedAt =
            performance.timeOrigin + performance.now();
        },
        { once: true, capture: true },
      );
    });
    await save.click();
    const listedAt = await searched.evaluate(
      () => (window as unknown as { listed: Promise<number> }).listed,
    );
    const clickedAt = await file.evaluate(
      () => (window as unknown as { clickedAt: number }).clickedAt,
    );
    times.push(listedAt - clickedAt);
    await file.locator('.scoring-status[data-phase="idle"]').waitFor({ state: 'attached' });
    // Both tabs settle on the same rank (the other tab's list may take a moment more).
    const fileRank = await file.locator('#score-title .muted').innerText();
    const settled = Date.now();
    let listRank: string;
    for (;;) {
      listRank = await row.locator('[data-cell="rank"]').innerText();
      if (fileRank.includes(listRank)) break;
      if (Date.now() - settled > 10_000) {
        throw new Error(`the list says rank ${listRank}, the file says ${fileRank}`);
      }
      await searched.waitForTimeout(50);
    }
    await scrolled.locator('a[data-cell="name"]').first().waitFor();
    const now = await list.evaluate((element) => element.scrollTop);
    scrollMoved = Math.max(scrollMoved, Math.abs(now - place));
  }
  const longTask = await longestTask(searched);
  await context.close();
  return { times, scrollMoved, longTask };
}

/**
 * Opens the dashboard in a fresh browser, the scores already stored: navigation until
 * every chart's canvas has pixels drawn, and the longest main-thread task meanwhile
 * (and for a second after, while the page settles).
 */
async function dashboard(
  profile: string,
): Promise<{ ms: number; figuresMs: number; longTask: number }> {
  const context = await launch(profile);
  const page = await context.newPage();
  await watchLongTasks(page);
  // When the dashboard's figures arrive (the KPI cards show): the page then only draws.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-kpi]')) return;
      (window as unknown as { figuresAt: number }).figuresAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(`${ORIGIN}/dashboard`);
  const drawn = await page.waitForFunction(
    () => {
      const canvases = [...document.querySelectorAll('[data-chart] canvas')];
      if (canvases.length < 6) return false;
      const painted = canvases.every((canvas) => {
        const c = canvas as HTMLCanvasElement;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        for (let i = 3; data && i < data.length; i += 16) if (data[i]) return true;
        return false;
      });
      return painted ? performance.now() : false;
    },
    undefined,
    { polling: 50, timeout: 120_000 },
  );
  const ms = Number(await drawn.jsonValue());
  const figuresAt = await page.evaluate(
    () => (window as unknown as { figuresAt: number }).figuresAt,
  );
  await page.waitForTimeout(1_000);
  const longTask = await longestTask(page);
  await context.close();
  return { ms, figuresMs: figuresAt, longTask };
}

/**
 * Opens Today in a fresh browser, the scores stored: navigation until its list of
 * follow-ups (or the word that none is due) is painted, and the longest main-thread task.
 */
async function today(profile: string): Promise<{ ms: number; items: number; longTask: number }> {
  const context = await launch(profile);
  const page = await context.newPage();
  await watchLongTasks(page);
  const shownAt = await watchShown(page, FOLLOW_UPS);
  await page.goto(`${ORIGIN}/`);
  const ms = await shownAt();
  const items = await page.locator('[data-follow-up]').count();
  const longTask = await longestTask(page);
  await context.close();
  return { ms, items, longTask };
}

/** How long the user reads the Clients list before going to Today, in `todayInApp`. */
const READING_MS = 6_000;

/**
 * Opens the Clients list in a fresh browser and, after the user has read it a while, goes to
 * Today by its link: the click until the follow-ups are painted.
 */
async function todayInApp(profile: string): Promise<number> {
  const context = await launch(profile);
  const page = await context.newPage();
  const shownAt = await watchShown(page, FOLLOW_UPS);
  await page.goto(`${ORIGIN}/clients`);
  await page.locator('a[data-cell="name"]').first().waitFor({ timeout: 120_000 });
  await page.waitForTimeout(READING_MS);
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('navigation').getByRole('link', { name: 'Today' }).click();
  const ms = (await shownAt()) - clicked;
  await context.close();
  return ms;
}

/** Cold starts, the list, rescores, the dashboard and Today; prints the figures. */
async function measure(profile: string, loadMs: number): Promise<void> {
  const figures: Record<string, number> = {
    clients: 50_000,
    transactions: 1_000_000,
    load_ms: loadMs,
  };
  if (wanted('cold')) {
    const starts: number[] = [];
    let longTask = 0;
    for (let run = 0; run < COLD_STARTS; run += 1) {
      const start = await coldStart(profile);
      starts.push(start.ms);
      longTask = Math.max(longTask, start.longTask);
    }
    console.log(`cold starts (ms): ${starts.map((t) => t.toFixed(0)).join(' ')}`);
    figures['cold_start_ms'] = Math.round(median(starts));
    figures['longest_task_ms'] = Math.round(longTask);
  }
  if (wanted('list')) {
    const list = await listInteraction(profile);
    console.log(
      `list: longest task while scrolling and searching ${list.longTask.toFixed(0)} ms; search typed and listed in ${list.searchMs} ms`,
    );
    figures['list_longest_task_ms'] = Math.round(list.longTask);
  }
  if (wanted('rescore')) {
    const edits = await rescores(profile);
    console.log(`rescores (ms): ${edits.times.map((t) => t.toFixed(0)).join(' ')}`);
    figures['rescore_ms'] = Math.round(median(edits.times));
    figures['longest_task_ms'] = Math.round(
      Math.max(figures['longest_task_ms'] ?? 0, edits.longTask),
    );
  }
  if (wanted('listed')) {
    const listed = await listAfterEdits(profile);
    console.log(
      `list in another tab, save to new score and rank (ms): ${listed.times.map((t) => t.toFixed(0)).join(' ')}; scrolled list moved ${listed.scrollMoved} px`,
    );
    if (listed.scrollMoved > 1) throw new Error('the scrolled list lost its place on a rescore');
    figures['list_rescore_ms'] = Math.round(median(listed.times));
    figures['list_scroll_moved_px'] = listed.scrollMoved;
  }
  if (wanted('dashboard')) {
    const dashboards: number[] = [];
    const arrivals: number[] = [];
    const drawing: number[] = [];
    let dashboardLongTask = 0;
    for (let run = 0; run < COLD_STARTS; run += 1) {
      const opened = await dashboard(profile);
      dashboards.push(opened.ms);
      arrivals.push(opened.figuresMs);
      drawing.push(opened.ms - opened.figuresMs);
      dashboardLongTask = Math.max(dashboardLongTask, opened.longTask);
    }
    const list = (times: number[]): string => times.map((t) => t.toFixed(0)).join(' ');
    console.log(
      `dashboard, navigation to charts drawn (ms): ${list(dashboards)}; of which until the figures arrived: ${list(arrivals)}; longest task ${dashboardLongTask.toFixed(0)} ms`,
    );
    figures['dashboard_ms'] = Math.round(median(dashboards));
    figures['dashboard_figures_ms'] = Math.round(median(arrivals));
    figures['dashboard_drawing_ms'] = Math.round(median(drawing));
    figures['dashboard_longest_task_ms'] = Math.round(dashboardLongTask);
  }
  if (wanted('today')) {
    const opened: number[] = [];
    let items = 0;
    let todayLongTask = 0;
    for (let run = 0; run < COLD_STARTS; run += 1) {
      const result = await today(profile);
      opened.push(result.ms);
      items = result.items;
      todayLongTask = Math.max(todayLongTask, result.longTask);
    }
    console.log(
      `today, navigation to follow-ups painted (ms): ${opened.map((t) => t.toFixed(0)).join(' ')}; ${items} listed; longest task ${todayLongTask.toFixed(0)} ms`,
    );
    figures['today_ms'] = Math.round(median(opened));
    figures['today_longest_task_ms'] = Math.round(todayLongTask);
    const inApp: number[] = [];
    for (let run = 0; run < COLD_STARTS; run += 1) inApp.push(await todayInApp(profile));
    console.log(
      `today from the Clients list read ${READING_MS / 1000} s, click to follow-ups painted (ms): ${inApp.map((t) => t.toFixed(0)).join(' ')}`,
    );
    figures['today_in_app_ms'] = Math.round(median(inApp));
  }
  console.log(JSON.stringify(figures));
}

/** `--only=cold,list,rescore,listed,dashboard,today` measures just those steps (all by default). */
function wanted(step: string): boolean {
  const only = process.argv.find((arg) => arg.startsWith('--only='));
  return only === undefined || only.slice('--only='.length).split(',').includes(step);
}

const keptProfile = process.env['BENCH_PROFILE'];
const profile = keptProfile ?? mkdtempSync(join(tmpdir(), 'tierwise-bench-'));
const loadedMarker = join(profile, 'tierwise-large-base.json');
const server = await startPreview();
try {
  let loadMs: number;
  if (keptProfile && existsSync(loadedMarker)) {
    loadMs = (JSON.parse(readFileSync(loadedMarker, 'utf8')) as { loadMs: number }).loadMs;
    await refreshKeptProfile(profile);
    console.log(`large base found in ${profile} (written in ${(loadMs / 1000).toFixed(1)} s)`);
  } else {
    mkdirSync(profile, { recursive: true });
    loadMs = await loadLargeBase(profile);
    if (keptProfile) writeFileSync(loadedMarker, JSON.stringify({ loadMs }));
    console.log(`large base written and scored; writing took ${(loadMs / 1000).toFixed(1)} s`);
  }
  if (!process.argv.includes('--load-only')) await measure(profile, loadMs);
} finally {
  try {
    if (server.pid) process.kill(-server.pid);
  } catch {
    // Already gone: the original error, if any, is what matters.
  }
  if (!keptProfile)
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
}
