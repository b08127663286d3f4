import { describe, expect, it } from 'vitest';
import type { AppServices } from '$features/context';
import { CsvImport, needsConfirmation } from '$features/data/csv-import.svelte';
import { en } from '$i18n/en';
import type { I18n } from '$i18n/i18n.svelte';
import { translate } from '$i18n/translate';
import type { CsvReport } from '$worker/csv-service';

const REPORT: CsvReport = {
  token: 't',
  rows: 3,
  accepted: 3,
  rejected: 0,
  newClients: 0,
  newClientNames: [],
  rejections: [],
  needsDateOrder: false,
  unclearAmount: null,
  invoices: 3,
  refunds: 0,
  withoutClient: 0,
  unitPriceAsAmount: null,
  foreignCurrency: null,
  matches: [],
  ambiguous: [],
};

const WARNED: CsvReport = {
  ...REPORT,
  unitPriceAsAmount: 'UnitPrice',
  foreignCurrency: { signs: ['¥'], example: '¥800', currency: 'USD' },
};

describe('what a check warns about', () => {
  it('must be confirmed, each warning on its own', () => {
    expect(needsConfirmation(REPORT, { unitPrice: false, currency: false })).toBe(false);
    expect(needsConfirmation(WARNED, { unitPrice: true, currency: false })).toBe(true);
    expect(needsConfirmation(WARNED, { unitPrice: false, currency: true })).toBe(true);
    expect(needsConfirmation(WARNED, { unitPrice: true, currency: true })).toBe(false);
  });

  it('keeps the import from running until confirmed, and a new check asks again', async () => {
    // The import card reads what a reload kept for it: nothing here.
    const empty = { getItem: () => null, setItem: () => {}, removeItem: () => {} };
    Object.assign(globalThis, { sessionStorage: empty });
    const applied: string[] = [];
    const worker = {
      applyCsv: (token: string) => {
        applied.push(token);
        return Promise.resolve({ ok: true, rows: 3, clients: 0, swapped: false });
      },
      discardCsv: () => Promise.resolve(),
    };
    const i18n = {
      t: (key, params) => translate(en, key, params),
      number: (n: number) => String(n),
    } as I18n; // only these are used
    // The state class calls only the worker methods above.
    const csv = new CsvImport({ worker, i18n } as unknown as AppServices);
    csv.report = WARNED;
    csv.confirmed = { unitPrice: true, currency: false };
    await csv.apply();
    expect(applied).toEqual([]);

    csv.confirmed = { unitPrice: true, currency: true };
    csv.reset();
    expect(csv.confirmed).toEqual({ unitPrice: false, currency: false });

    csv.report = WARNED;
    csv.confirmed = { unitPrice: true, currency: true };
    await csv.apply();
    expect(applied).toEqual(['t']);
    expect(csv.phase).toBe('done');
  });
});
