import { describe, expect, it } from 'vitest';
import {
  blankInvoiceDraft,
  invoiceDraftOf,
  invoiceValuesOf,
} from '$features/client/invoices/invoice-draft';

describe('the invoice form as text and back', () => {
  it('a new invoice is dated today, everything else empty', () => {
    expect(blankInvoiceDraft('2026-12-01')).toEqual({
      date: '2026-12-01',
      amount: '',
      reference: '',
      description: '',
      dueDate: '',
      paidDate: '',
      cost: '',
      hours: '',
    });
  });

  it('reads every field, numbers as the locale writes them, and leaves empty optional ones out', () => {
    const draft = {
      ...blankInvoiceDraft('2026-11-02'),
      amount: '1,250.50',
      reference: ' INV-7 ',
      description: 'Logo ',
      dueDate: '2026-12-02',
      hours: '7.5',
    };
    expect(invoiceValuesOf(draft, 'en')).toEqual({
      date: '2026-11-02',
      amount: 1250.5,
      reference: 'INV-7',
      description: 'Logo',
      dueDate: '2026-12-02',
      hours: 7.5,
    });
  });

  it('an unreadable number is NaN, for the schema to refuse with the field named; a refund stays negative', () => {
    const values = invoiceValuesOf(
      { ...blankInvoiceDraft('2026-11-02'), amount: '-80', cost: '0x10', hours: '1e3' },
      'en',
    );
    expect(values.amount).toBe(-80);
    expect(values.cost).toBeNaN();
    expect(values.hours).toBeNaN();
    expect(invoiceValuesOf(blankInvoiceDraft('2026-11-02'), 'en').amount).toBeNaN();
  });

  it('a stored invoice reads back as it was, a cleared date as no date', () => {
    const invoice = {
      date: '2026-10-01',
      amount: -120.25,
      reference: 'R-1',
      description: '',
      dueDate: '2026-10-31',
      paidDate: '2026-10-05',
      cost: 30,
      hours: 0,
    };
    expect(invoiceValuesOf(invoiceDraftOf(invoice), 'zh-CN')).toEqual(invoice);
    const cleared = { ...invoiceDraftOf(invoice), paidDate: '' };
    expect(invoiceValuesOf(cleared, 'en')).not.toHaveProperty('paidDate');
  });
});
