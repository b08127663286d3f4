import { describe, expect, it } from 'vitest';
import {
  findImpossibleValues,
  findOutliers,
  isMarkedRefund,
  median,
  medianAbsoluteDeviation,
  modifiedZ,
  robustScale,
  type CheckedInvoice,
} from '$engine/index';

const invoice = (
  id: string,
  clientId: string,
  amount: number,
  extra: Partial<CheckedInvoice> = {},
): CheckedInvoice => ({
  id,
  clientId,
  date: '2026-01-10',
  amount,
  reference: '',
  description: '',
  ...extra,
});

describe('robust statistics', () => {
  it('takes the median and the median absolute deviation', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
  });

  it('scores by the modified z, unmoved by the outlier itself', () => {
    const scale = robustScale([1, 2, 3, 4, 100]);
    expect(modifiedZ(100, scale)).toBeCloseTo((0.6745 * 97) / 1, 6);
    expect(modifiedZ(3, scale)).toBe(0);
    expect(modifiedZ(4, robustScale([2, 2, 2]))).toBe(Infinity);
  });
});

describe('outliers', () => {
  // A base of invoices around 1,000, each client with its own usual range.
  const usual = (clientId: string, centre: number, n: number): CheckedInvoice[] =>
    Array.from({ length: n }, (_, i) =>
      invoice(`${clientId}-${i}`, clientId, centre * (0.8 + (i % 5) * 0.1)),
    );

  it('flags an amount far outside both the base and the client’s own range', () => {
    const invoices = [
      ...usual('a', 1000, 20),
      ...usual('b', 1200, 20),
      invoice('wild', 'a', 950_000),
    ];
    const found = findOutliers(invoices);
    expect(found.map((o) => o.id)).toEqual(['wild']);
    expect(found[0]?.clientZ).toBeGreaterThan(3.5);
    expect(found[0]?.baseMedian).toBeGreaterThan(800);
  });

  it('leaves a big client’s usual big invoices alone', () => {
    const invoices = [...usual('a', 1000, 40), ...usual('big', 900_000, 10)];
    expect(findOutliers(invoices)).toEqual([]);
  });

  it('judges a client with few invoices by the base alone, and ignores refunds', () => {
    const invoices = [
      ...usual('a', 1000, 20),
      invoice('new', 'n', 2_000_000),
      invoice('r', 'a', -5e6),
    ];
    const found = findOutliers(invoices);
    expect(found.map((o) => [o.id, o.clientZ])).toEqual([['new', null]]);
  });
});

describe('impossible values', () => {
  it('finds future dates, payment before the invoice and unmarked negative amounts', () => {
    const found = findImpossibleValues(
      [
        invoice('ok', 'a', 100, { paidDate: '2026-01-20' }),
        invoice('early', 'a', 100, { paidDate: '2026-01-01' }),
        invoice('neg', 'a', -50),
        invoice('refund', 'a', -50, { description: 'Refund for order 7' }),
        invoice('cancel', 'a', -50, { reference: 'C536379' }),
        invoice('tui', 'a', -50, { description: '退款' }),
      ],
      [
        { table: 'transactions', id: 'ok', clientId: 'a', date: '2026-01-10' },
        { table: 'interactions', id: 'later', clientId: 'b', date: '2026-03-02' },
        { table: 'complaints', id: 'today', clientId: 'b', date: '2026-03-01' },
      ],
      '2026-03-01',
    );
    expect(found.map((v) => [v.kind, v.table, v.id, v.other])).toEqual([
      ['futureDate', 'interactions', 'later', undefined],
      ['paidBeforeInvoiced', 'transactions', 'early', '2026-01-01'],
      ['unmarkedRefund', 'transactions', 'neg', '-50'],
    ]);
  });

  it.each([
    ['refund', '', true],
    ['', 'Credit note', true],
    ['C12', '', true],
    ['CN-2', '', false],
    ['INV-3', 'discount', false],
    ['', '冲红', true],
  ])('reads reference %s and description %s as a refund: %s', (reference, description, marked) => {
    expect(isMarkedRefund({ reference, description })).toBe(marked);
  });
});
