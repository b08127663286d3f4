import { writeFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadSampleData, openApp } from './app';

const CHARTS = [
  'tier-clients',
  'tier-share',
  'tier-revenue',
  'scatter',
  'pareto',
  'months',
  'satisfaction',
];

/** Per chart: how many pixels of its canvas are not transparent, and how many are light. */
async function canvasPixels(page: Page): Promise<Record<string, { drawn: number; light: number }>> {
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-chart]')].map((card) => {
        const canvas = card.querySelector('canvas');
        const context = canvas?.getContext('2d');
        if (!canvas || !context) return [card.getAttribute('data-chart'), { drawn: 0, light: 0 }];
        const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
        let drawn = 0;
        let light = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3]! === 0) continue;
          drawn += 1;
          if (data[i]! + data[i + 1]! + data[i + 2]! > 420 && data[i + 3]! > 128) light += 1;
        }
        return [card.getAttribute('data-chart'), { drawn, light }];
      }),
    ),
  );
}

async function expectEveryChartDrawn(page: Page): Promise<void> {
  await expect(page.locator('[data-chart] canvas')).toHaveCount(CHARTS.length);
  await expect
    .poll(async () => {
      const pixels = await canvasPixels(page);
      return CHARTS.filter((id) => (pixels[id]?.drawn ?? 0) < 500);
    })
    .toEqual([]);
}

interface Raw {
  today: string;
  clients: { id: string; archived?: boolean }[];
  transactions: { clientId: string; date: string; amount: number }[];
  feedback: { clientId: string; date: string; scale: 'csat' | 'nps'; score: number }[];
}

/** The stored rows, read with the plain IndexedDB API (not through the app's code). */
function readRaw(page: Page): Promise<Raw> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tierwise');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(store: string): Promise<T[]> =>
      new Promise((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const [clients, transactions, feedback] = await Promise.all([
      all<Raw['clients'][number]>('clients'),
      all<Raw['transactions'][number]>('transactions'),
      all<Raw['feedback'][number]>('feedback'),
    ]);
    db.close();
    const now = new Date();
    const pad = (n: number): string => String(n).padStart(2, '0');
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    return { today, clients, transactions, feedback };
  });
}

/** The KPIs as docs/dashboard.md defines them, computed here from the raw rows. */
function expectedKpis(raw: Raw) {
  const day = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const asOf = day(raw.today);
  const live = new Set(raw.clients.filter((c) => !c.archived).map((c) => c.id));
  const perClient = new Map<
    string,
    { window: number; boughtNow: boolean; boughtBefore: boolean; days: Set<number> }
  >();
  for (const id of live)
    perClient.set(id, { window: 0, boughtNow: false, boughtBefore: false, days: new Set() });
  let revenue = 0;
  let previous = 0;
  for (const t of raw.transactions) {
    const c = perClient.get(t.clientId);
    const d = day(t.date);
    if (!c || d > asOf) continue;
    if (t.amount > 0) c.days.add(d);
    if (d > asOf - 365) {
      revenue += t.amount;
      c.window += t.amount;
      if (t.amount > 0) c.boughtNow = true;
    } else if (d > asOf - 730) {
      previous += t.amount;
      if (t.amount > 0) c.boughtBefore = true;
    }
  }
  const clients = [...perClient.values()];
  const base = clients.filter((c) => c.boughtBefore);
  const buyers = clients.filter((c) => c.days.size > 0);
  const responses = raw.feedback
    .filter((f) => live.has(f.clientId) && day(f.date) > asOf - 365 && day(f.date) <= asOf)
    .map((f) => (f.scale === 'csat' ? ((f.score - 1) / 4) * 100 : f.score * 10));
  return {
    total: clients.length,
    active: clients.filter((c) => c.boughtNow).length,
    revenue,
    change: (revenue - previous) / previous,
    retention: base.filter((c) => c.boughtNow).length / base.length,
    repeat: buyers.filter((c) => c.days.size > 1).length / buyers.length,
    satisfaction: responses.reduce((s, x) => s + x, 0) / responses.length,
    topShare: Math.max(...clients.map((c) => c.window)) / revenue,
  };
}

const kpiValue = async (page: Page, id: string): Promise<number> =>
  Number(await page.locator(`[data-kpi="${id}"] data`).getAttribute('value'));

/** Moves along the bottom of a bar chart until the pointer is over a bar; the first is the left one. */
async function firstBar(page: Page, canvas: Locator): Promise<{ x: number; y: number }> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('The chart is not on screen.');
  const y = box.y + box.height - 40;
  for (let x = box.x; x < box.x + box.width / 2; x += 4) {
    await page.mouse.move(x, y);
    if ((await canvas.evaluate((c) => c.style.cursor)) === 'pointer') return { x, y };
  }
  throw new Error('No bar found.');
}

test('with the sample data every chart is drawn, the KPIs match the data, and the VIP bar opens the VIP clients', async ({
  page,
}) => {
  await loadSampleData(page);
  await expectEveryChartDrawn(page);

  const expected = expectedKpis(await readRaw(page));
  expect(expected.total).toBe(60);
  await expect(page.locator('[data-kpi="clients"] data')).toHaveText(
    `${expected.active} active / ${expected.total}`,
  );
  expect(await kpiValue(page, 'clients')).toBe(expected.active);
  expect(await kpiValue(page, 'revenue')).toBeCloseTo(expected.revenue, 6);
  // Every amount to the cent (one rule).
  const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' });
  await expect(page.locator('[data-kpi="revenue"] data')).toHaveText(
    money.format(expected.revenue),
  );
  const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
  await expect(page.locator('[data-kpi="revenue"]')).toContainText(
    `${expected.change > 0 ? '+' : ''}${percent.format(expected.change)} vs the 12 months before`,
  );
  expect(await kpiValue(page, 'retention')).toBeCloseTo(expected.retention, 9);
  await expect(page.locator('[data-kpi="retention"] data')).toHaveText(
    percent.format(expected.retention),
  );
  expect(await kpiValue(page, 'repeat')).toBeCloseTo(expected.repeat, 9);
  expect(await kpiValue(page, 'satisfaction')).toBeCloseTo(expected.satisfaction, 3);
  expect(await kpiValue(page, 'top-share')).toBeCloseTo(expected.topShare, 9);

  // The definition shows on focus.
  await page.locator('[data-kpi="retention"] button').focus();
  await expect(page.getByRole('tooltip', { name: /share who bought again/ })).toBeVisible();

  const chart = page.locator('[data-chart="tier-clients"]');
  await chart.getByRole('button', { name: 'Show data' }).click();
  const vipRow = chart.getByRole('row', { name: /^VIP / });
  const vipCount = Number((await vipRow.getByRole('cell').first().innerText()).replace(/,/g, ''));
  expect(vipCount).toBeGreaterThan(0);

  const bar = await firstBar(page, chart.locator('canvas'));
  await page.mouse.click(bar.x, bar.y);
  await expect(page).toHaveURL(/\/clients\?tier=vip$/);
  await expect(page.getByRole('combobox', { name: 'Tier' })).toHaveValue('0');
  await expect(page.getByTestId('client-count')).toHaveText(`Clients listed: ${vipCount}`);
  for (const tier of await page.locator('[data-cell="tier"]').allInnerTexts()) {
    expect(tier.trim()).toBe('VIP');
  }
});

test('in Chinese and the dark theme the charts speak Chinese and their text stays readable', async ({
  page,
}, testInfo) => {
  await loadSampleData(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByLabel('主题').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('navigation').getByRole('link', { name: '仪表盘' }).click();

  await expectEveryChartDrawn(page);
  await expect(page.locator('[data-chart="tier-clients"] h3')).toHaveText('各层级客户数');
  await expect(page.locator('[data-kpi="retention"] button')).toHaveText('客户留存率');
  const chart = page.locator('[data-chart="tier-clients"]');
  await chart.getByRole('button', { name: '显示数据' }).click();
  const tiers = await chart.locator('tbody th').allInnerTexts();
  expect(tiers.map((t) => t.trim())).toEqual(['VIP客户', '核心客户', '普通客户', '低价值客户']);

  // Axis labels and legends are drawn in the theme's light text colour on the dark page.
  const pixels = await canvasPixels(page);
  for (const id of ['tier-clients', 'scatter', 'pareto', 'months']) {
    expect(pixels[id]?.light, id).toBeGreaterThan(100);
  }
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
  expect((r ?? 255) + (g ?? 255) + (b ?? 255)).toBeLessThan(150);

  const screenshot = await page.screenshot({ fullPage: true });
  await writeFile(testInfo.outputPath('dashboard-zh-CN-dark.png'), screenshot);
  await testInfo.attach('dashboard-zh-CN-dark', { body: screenshot, contentType: 'image/png' });
});

/** A client made through the Clients view, with one invoice of today when `amount` is given. */
async function addClient(page: Page, name: string, amount?: string): Promise<void> {
  await page.goto('/clients');
  await page.getByRole('button', { name: 'New client' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await page.getByRole('button', { name: 'Add client' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  if (amount === undefined) return;
  const form = page.getByRole('form', { name: 'New invoice' });
  await form.getByRole('textbox', { name: 'Amount' }).fill(amount);
  await form.getByRole('button', { name: 'Add invoice' }).click();
  await expect(page.locator('[data-transaction-id]')).toHaveCount(1);
}

test('with 0, 1 and 3 clients the dashboard says what it can and cannot show yet', async ({
  page,
}) => {
  await openApp(page, '/');
  await expect(page.getByRole('heading', { name: 'No clients yet' })).toBeVisible();
  await expect(page.locator('[data-chart]')).toHaveCount(0);

  await addClient(page, 'Ada Lovelace', '1200');
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('few-clients')).toHaveText(
    'Only 1 client so far: every figure moves a lot with each one.',
  );
  await expect(page.locator('[data-kpi="clients"] data')).toHaveText('1 active / 1');
  await expect(page.locator('[data-kpi="retention"] data')).toHaveText('–');
  await expect(page.locator('[data-kpi="top-share"] data')).toHaveText('100%');
  await expect(page.locator('[data-attention="concentration"]')).toContainText('Ada Lovelace');
  await expect(page.locator('[data-chart="pareto"] [data-chart-empty]')).toHaveText(
    'Concentration needs at least two clients with revenue in the last 12 months.',
  );
  const drawn = async (): Promise<string[]> =>
    Object.entries(await canvasPixels(page))
      .filter(([, p]) => p.drawn > 200)
      .map(([id]) => id)
      .sort();
  await expect
    .poll(drawn)
    .toEqual(['months', 'scatter', 'tier-clients', 'tier-revenue', 'tier-share']);

  await addClient(page, 'Bo Yang', '300');
  await addClient(page, 'Cy Chen');
  await page.getByRole('navigation').getByRole('link', { name: 'Dashboard' }).click();
  await expect(page.getByTestId('few-clients')).toContainText('Only 3 clients so far');
  await expect(page.locator('[data-kpi="clients"] data')).toHaveText('2 active / 3');
  await expect(page.locator('[data-kpi="top-share"] data')).toHaveText('80%');
  await expect(page.locator('[data-kpi="repeat"] data')).toHaveText('0%');
  // No one has answered a satisfaction question yet: that chart says so instead.
  await expect(page.locator('[data-chart="satisfaction"] [data-chart-empty]')).toHaveText(
    'No satisfaction answers in the last 12 months.',
  );
  await expect.poll(drawn).toEqual(CHARTS.filter((id) => id !== 'satisfaction').sort());
});
