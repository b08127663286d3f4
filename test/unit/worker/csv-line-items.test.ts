import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TierwiseDb } from '$db/database';
import { SETTINGS_ID } from '$schema/settings';
import { CsvService, type CsvCheckOptions, type CsvMapping } from '$worker/csv-service';
import type { WorkspaceSwap } from '$worker/workspace-swap';

let db: TierwiseDb;
let service: CsvService;

beforeEach(() => {
  db = new TierwiseDb(`csv-lines-${Math.random()}`);
  const scoring = { adopt: () => {} };
  const swap = { stagingRows: 1_000_000 } as WorkspaceSwap; // below it, nothing is staged
  service = new CsvService({ db, scoring, withWriteLock: (work) => work(), swap });
});

afterEach(async () => {
  await db.delete();
});

const SHOP = 'InvoiceNo,Description,Quantity,InvoiceDate,UnitPrice,CustomerID';
const OPTIONS: CsvCheckOptions = { dateOrder: null, decimalMark: null };

async function check(text: string, mapping: CsvMapping, options = OPTIONS) {
  const outcome = await service.dryRun(new Blob([text]), 'transactions', mapping, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.report;
}

async function guessed(text: string): Promise<CsvMapping> {
  const outcome = await service.preview(new Blob([text]), 'transactions');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.preview.mapping;
}

describe('a line-item file', () => {
  const file = [
    SHOP,
    '536365,HEART HOLDER,6,2010-12-01 08:26,2.55,17850.0',
    '536365,LANTERN,8,2010-12-01 08:26,3.39,17850.0',
    '536366,HAND WARMER,6,2010-12-01 08:28,1.85,17850',
    'C536379,Discount,-1,2010-12-01 09:41,27.50,14527',
    '536414,?,56,2010-12-01 11:52,0,',
    '536415,CANDLE,2,2010-12-01 11:57,4.25,',
  ].join('\n');

  it('is checked as invoices: lines gathered, cancellations as refunds, rows without customer counted', async () => {
    const mapping = await guessed(file);
    const report = await check(file, mapping, { ...OPTIONS, unnamedClient: 'Client {id}' });
    expect(report).toMatchObject({
      rows: 6,
      accepted: 4,
      rejected: 2,
      invoices: 3,
      refunds: 1,
      withoutClient: 2,
      newClients: 2,
      newClientNames: ['Client 17850', 'Client 14527'],
      unitPriceAsAmount: null,
      foreignCurrency: null,
    });
    expect(report.rejections.map((r) => [r.row, r.field, r.reason, r.params])).toEqual([
      [6, 'clientId', 'noClient', { column: 'CustomerID' }],
      [7, 'clientId', 'noClient', { column: 'CustomerID' }],
    ]);

    expect((await service.apply(report.token)).ok).toBe(true);
    const invoices = await db.transactions.toArray();
    invoices.sort((a, b) => a.reference.localeCompare(b.reference));
    expect(invoices.map((t) => [t.reference, t.clientId, t.date, t.amount])).toEqual([
      ['536365', '17850', '2010-12-01', 42.42],
      ['536366', '17850', '2010-12-01', 11.1],
      ['C536379', '14527', '2010-12-01', -27.5],
    ]);
    expect((await db.clients.toArray()).map((c) => c.name).sort()).toEqual([
      'Client 14527',
      'Client 17850',
    ]);
  });

  it('warns when the unit price is mapped as the amount', async () => {
    const mapping: CsvMapping = { reference: 0, date: 3, amount: 4, clientId: 5 };
    const report = await check(file, mapping);
    expect(report.unitPriceAsAmount).toBe('UnitPrice');
  });
});

describe('the currency of a file', () => {
  const mapping: CsvMapping = { clientName: 0, date: 1, amount: 2 };
  const file = [
    'Client,Date,Amount',
    'Ann,2024-01-01,¥800',
    'Bo,2024-01-02,"¥1,200"',
    'Cy,2024-01-03,5',
  ];

  it('is shown when it cannot be the workspace’s', async () => {
    const report = await check(file.join('\n'), mapping);
    expect(report.foreignCurrency).toEqual({ signs: ['¥'], example: '¥800', currency: 'USD' });
  });

  it('is not shown when it can', async () => {
    await db.settings.update(SETTINGS_ID, { currency: 'CNY' });
    expect((await check(file.join('\n'), mapping)).foreignCurrency).toBeNull();
    expect((await check('Client,Date,Amount\nAnn,2024-01-01,$5', mapping)).foreignCurrency).toEqual(
      { signs: ['$'], example: '$5', currency: 'CNY' },
    );
  });
});
