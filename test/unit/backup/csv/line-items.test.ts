import { describe, expect, it } from 'vitest';
import { CsvPlan } from '$backup/csv/csv-plan';
import { guessMapping } from '$backup/csv/guess-mapping';
import { isCancellation, lineAmount, roundAmount, unitPriceAsAmount } from '$backup/csv/line-items';
import type { CsvMapping } from '$backup/csv/fields';

const NOW = new Date('2026-03-01T00:00:00Z');

/** A shop's order export, as the Online Retail data set writes it. */
const SHOP_HEADERS = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
];

function plan(rows: string[][], mapping?: CsvMapping, headers = SHOP_HEADERS) {
  let next = 0;
  const result = new CsvPlan({
    kind: 'transactions',
    mapping: mapping ?? guessMapping(headers, 'transactions'),
    dateOrder: 'mdy',
    decimalMark: null,
    known: { ids: new Set(), byName: new Map() },
    now: NOW,
    newId: () => `new-${++next}`,
    headers,
    unnamedClient: (id) => `客户 ${id}`,
  });
  rows.forEach((cells, i) => result.add(cells, i + 2));
  return result;
}

const line = (
  invoice: string,
  quantity: string,
  date: string,
  price: string,
  customer: string,
  item = 'WHITE HANGING HEART T-LIGHT HOLDER',
) => [invoice, '85123A', item, quantity, date, price, customer, 'United Kingdom'];

describe('the columns of a line-item export', () => {
  it('are read as quantity and unit price, never the unit price as the amount', () => {
    const mapping = guessMapping(SHOP_HEADERS, 'transactions');
    expect(mapping).toMatchObject({
      reference: 0,
      description: 2,
      quantity: 3,
      date: 4,
      unitPrice: 5,
      clientId: 6,
      amount: null,
    });
    expect(unitPriceAsAmount(SHOP_HEADERS, mapping)).toBeNull();
  });

  it('are understood in Chinese', () => {
    const headers = ['发票号', '客户编号', '日期', '数量', '单价'];
    expect(guessMapping(headers, 'transactions')).toMatchObject({
      reference: 0,
      clientId: 1,
      date: 2,
      quantity: 3,
      unitPrice: 4,
      amount: null,
    });
    expect(guessMapping(['Qty', 'Unit price', 'Client', 'Date'], 'transactions')).toMatchObject({
      quantity: 0,
      unitPrice: 1,
    });
  });
});

describe('the unit-price warning', () => {
  it('names a unit-price column mapped as the amount', () => {
    expect(unitPriceAsAmount(SHOP_HEADERS, { amount: 5 })).toBe('UnitPrice');
    expect(unitPriceAsAmount(['客户', '单价'], { amount: 1 })).toBe('单价');
    expect(unitPriceAsAmount(['Client', 'Unit Price (GBP)'], { amount: 1 })).toBe(
      'Unit Price (GBP)',
    );
  });

  it('names a unit price without a quantity', () => {
    expect(unitPriceAsAmount(SHOP_HEADERS, { unitPrice: 5, quantity: null })).toBe('UnitPrice');
  });

  it('stays quiet for a real amount or a unit price with its quantity', () => {
    expect(unitPriceAsAmount(['Client', 'Total'], { amount: 1 })).toBeNull();
    expect(unitPriceAsAmount(SHOP_HEADERS, { unitPrice: 5, quantity: 3 })).toBeNull();
    expect(unitPriceAsAmount(SHOP_HEADERS, {})).toBeNull();
  });
});

describe('a line’s amount', () => {
  it.each([
    [6, 2.55, false, 15.3],
    [3, 0.001, false, 0.003],
    [-12, 1.25, false, -15],
    [12, 1.25, true, -15],
    [-12, 1.25, true, -15],
    [0, 4.95, true, 0],
  ])('%d × %d (cancelled: %s) is %d', (quantity, price, cancelled, amount) => {
    expect(lineAmount(quantity, price, cancelled)).toBe(amount);
  });

  it('sums without float noise, and never to -0', () => {
    expect(roundAmount(0.1 + 0.2)).toBe(0.3);
    expect(Object.is(roundAmount(-0.0000001), 0)).toBe(true);
  });

  it('marks cancellations by a C and a digit only', () => {
    expect(['C536379', 'c536379', ' C1'].map(isCancellation)).toEqual([true, true, true]);
    expect(['536379', 'CN-2024', 'Cash', ''].map(isCancellation)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('lines into invoices', () => {
  it('makes one invoice per invoice number, client and date, with the lines’ total', () => {
    const result = plan([
      line('536365', '6', '12/1/2010 8:26', '2.55', '17850.0'),
      line('536365', '8', '12/1/2010 8:26', '3.39', '17850.0', 'WHITE METAL LANTERN'),
      line('536366', '6', '12/1/2010 8:28', '1.85', '17850'),
      line('536367', '32', '12/1/2010 8:34', '1.69', '13047'),
      line('536367', '24', '12/1/2010 8:34', '2.10', '13047'),
      // The same number on another day is another invoice.
      line('536367', '1', '12/2/2010 9:00', '10', '13047'),
    ]);
    expect(result.rejections).toEqual([]);
    expect(result.accepted).toBe(6);
    expect(result.joinedLines).toBe(2);
    expect(
      result.transactions.map((t) => [t.reference, t.clientId, t.date, t.amount, t.description]),
    ).toEqual([
      ['536365', '17850', '2010-12-01', 42.42, 'WHITE HANGING HEART T-LIGHT HOLDER'],
      ['536366', '17850', '2010-12-01', 11.1, 'WHITE HANGING HEART T-LIGHT HOLDER'],
      ['536367', '13047', '2010-12-01', 104.48, 'WHITE HANGING HEART T-LIGHT HOLDER'],
      ['536367', '13047', '2010-12-02', 10, 'WHITE HANGING HEART T-LIGHT HOLDER'],
    ]);
    // 17850.0 and 17850 are one client, named after its id in the user's language.
    expect(result.clients.map((c) => [c.id, c.name])).toEqual([
      ['17850', '客户 17850'],
      ['13047', '客户 13047'],
    ]);
  });

  it('turns a cancellation into a refund against its client', () => {
    const result = plan([
      line('536365', '6', '12/1/2010 8:26', '2.55', '17850'),
      line('C536379', '-1', '12/1/2010 9:41', '27.50', '17850'),
      line('C536379', '-6', '12/1/2010 9:41', '2.55', '17850'),
      // A negative quantity on an invoice of its own is a refund too.
      line('536400', '-2', '12/2/2010 9:41', '5', '17850'),
    ]);
    expect(result.transactions.map((t) => [t.reference, t.amount])).toEqual([
      ['536365', 15.3],
      ['C536379', -42.8],
      ['536400', -10],
    ]);
    expect(result.transactions.every((t) => t.clientId === '17850')).toBe(true);
  });

  it('refuses lines without a customer, naming the mapped column, and counts them', () => {
    const result = plan([
      line('536414', '56', '12/1/2010 11:52', '0', ''),
      line('536365', '6', '12/1/2010 8:26', '2.55', '17850'),
      line('536544', '1', '12/1/2010 14:32', '2.51', '  '),
    ]);
    expect(result.rejections).toEqual([
      { row: 2, field: 'clientId', reason: 'noClient', params: { column: 'CustomerID' } },
      { row: 4, field: 'clientId', reason: 'noClient', params: { column: 'CustomerID' } },
    ]);
    expect(result.withoutClient).toBe(2);
    expect(result.transactions).toHaveLength(1);
  });

  it('refuses a line without quantity or price, and leaves its invoice as the other lines make it', () => {
    const result = plan([
      line('536365', '6', '12/1/2010 8:26', '2.55', '17850'),
      line('536365', '', '12/1/2010 8:26', '2.55', '17850'),
      line('536365', '2', '12/1/2010 8:26', 'free', '17850'),
    ]);
    expect(result.rejections.map((r) => [r.row, r.field, r.reason])).toEqual([
      [3, 'quantity', 'required'],
      [4, 'unitPrice', 'amount'],
    ]);
    expect(result.transactions.map((t) => t.amount)).toEqual([15.3]);
  });

  it('keeps a line without an invoice number as an invoice of its own', () => {
    const result = plan([
      line('', '1', '12/1/2010 8:26', '2', '17850'),
      line('', '1', '12/1/2010 8:26', '3', '17850'),
      line('536365', '1', '12/1/2010 8:26', '4', '17850'),
    ]);
    expect(result.transactions.map((t) => t.amount)).toEqual([2, 3, 4]);
  });

  it('keeps every row its own record when the file gives each row an id', () => {
    const headers = ['Id', 'Invoice #', 'Client', 'Date', 'Amount'];
    const result = plan(
      [
        ['t1', 'A-1', 'Ann', '2024-03-05', '10'],
        ['t2', 'A-1', 'Ann', '2024-03-05', '5'],
      ],
      undefined,
      headers,
    );
    expect(result.transactions.map((t) => [t.id, t.amount])).toEqual([
      ['t1', 10],
      ['t2', 5],
    ]);
  });

  it('sums line totals of an amount column, a cancellation’s as a refund', () => {
    const headers = ['InvoiceNo', 'Customer', 'Date', 'Quantity', 'Amount'];
    const result = plan(
      [
        ['1001', 'Ann', '2024-03-05', '2', '20.10'],
        ['1001', 'Ann', '2024-03-05', '1', '0.20'],
        ['C1002', 'Ann', '2024-03-06', '1', '20.10'],
      ],
      undefined,
      headers,
    );
    expect(result.transactions.map((t) => [t.reference, t.amount])).toEqual([
      ['1001', 20.3],
      ['C1002', -20.1],
    ]);
  });
});
