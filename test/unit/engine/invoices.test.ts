import { describe, expect, it } from 'vitest';
import { clientBalance, invoiceState, NO_DAY } from '$engine/index';
import { toEpochDay } from '$lib/dates';

const A = toEpochDay('2026-06-30');

describe('invoiceState, around the as-of day 2026-06-30', () => {
  it.each([
    // [what, invoice, status, days overdue]
    ['due tomorrow', { amount: 100, dueDate: '2026-07-01' }, 'due', 0],
    [
      'due on the as-of day itself: may still be paid that day',
      { amount: 100, dueDate: '2026-06-30' },
      'due',
      0,
    ],
    ['due yesterday', { amount: 100, dueDate: '2026-06-29' }, 'overdue', 1],
    ['due a month ago', { amount: 100, dueDate: '2026-05-31' }, 'overdue', 30],
    ['no due date: never late', { amount: 100 }, 'due', 0],
    [
      'paid on the as-of day',
      { amount: 100, dueDate: '2026-06-01', paidDate: '2026-06-30' },
      'paid',
      0,
    ],
    [
      'paid after the as-of day: still unpaid then',
      { amount: 100, dueDate: '2026-06-01', paidDate: '2026-07-01' },
      'overdue',
      29,
    ],
    [
      'paid before it was due',
      { amount: 100, dueDate: '2026-08-01', paidDate: '2026-06-15' },
      'paid',
      0,
    ],
    ['a refund', { amount: -40, dueDate: '2026-05-01' }, 'refund', 0],
    ['a refund paid out', { amount: -40, paidDate: '2026-05-01' }, 'refund', 0],
  ] as const)('%s', (_what, invoice, status, daysOverdue) => {
    expect(invoiceState(invoice, A)).toEqual({ status, daysOverdue });
  });
});

describe('clientBalance', () => {
  const invoice = (date: string, amount: number, dueDate?: string, paidDate?: string) => ({
    date,
    amount,
    ...(dueDate ? { dueDate } : {}),
    ...(paidDate ? { paidDate } : {}),
  });

  it('owes the unpaid invoices; the overdue part is what is past its due date', () => {
    const balance = clientBalance(
      [
        invoice('2026-04-01', 1000, '2026-05-01'), // overdue 60 days
        invoice('2026-06-01', 250.5, '2026-07-01'), // not yet due
        invoice('2026-03-01', 400, '2026-04-01', '2026-03-20'), // paid
      ],
      A,
    );
    expect(balance).toEqual({
      outstanding: 1250.5,
      overdue: 1000,
      overdueInvoices: 1,
      oldestDueDay: toEpochDay('2026-05-01'),
    });
  });

  it('an unpaid invoice not yet due is owed but not overdue', () => {
    expect(clientBalance([invoice('2026-06-20', 300, '2026-07-20')], A)).toEqual({
      outstanding: 300,
      overdue: 0,
      overdueInvoices: 0,
      oldestDueDay: NO_DAY,
    });
  });

  it('a partial refund not yet settled lowers what is owed, the overdue part first', () => {
    const balance = clientBalance(
      [
        invoice('2026-04-01', 1000, '2026-05-01'),
        invoice('2026-06-01', 500, '2026-07-01'),
        invoice('2026-06-10', -300),
      ],
      A,
    );
    expect(balance.outstanding).toBe(1200);
    expect(balance.overdue).toBe(700);
  });

  it('a credit larger than the overdue invoices clears them, and the rest lowers what is not yet due', () => {
    const balance = clientBalance(
      [
        invoice('2026-04-01', 100, '2026-05-01'),
        invoice('2026-06-01', 500, '2026-07-01'),
        invoice('2026-06-10', -250),
      ],
      A,
    );
    expect(balance).toEqual({
      outstanding: 350,
      overdue: 0,
      overdueInvoices: 0,
      oldestDueDay: NO_DAY,
    });
  });

  it('a refund paid out is settled: it no longer changes the balance', () => {
    const balance = clientBalance(
      [
        invoice('2026-04-01', 1000, '2026-05-01'),
        invoice('2026-05-10', -300, undefined, '2026-05-12'),
      ],
      A,
    );
    expect(balance.outstanding).toBe(1000);
    expect(balance.overdue).toBe(1000);
  });

  it('a refund with nothing left to pay leaves the client owed money back: a negative balance', () => {
    const balance = clientBalance(
      [invoice('2026-04-01', 1000, '2026-05-01', '2026-04-20'), invoice('2026-05-10', -120.25)],
      A,
    );
    expect(balance.outstanding).toBe(-120.25);
    expect(balance.overdue).toBe(0);
  });

  it('leaves out what is dated after the as-of day, and counts a payment made after it as unpaid', () => {
    const balance = clientBalance(
      [
        invoice('2026-07-02', 900, '2026-07-10'),
        invoice('2026-05-01', 200, '2026-06-01', '2026-07-05'),
      ],
      A,
    );
    expect(balance.outstanding).toBe(200);
    expect(balance.overdue).toBe(200);
  });

  it('is paid up once every invoice is paid: 0, not a residue of cents', () => {
    const balance = clientBalance(
      [
        invoice('2026-04-01', 0.1, '2026-05-01', '2026-05-01'),
        invoice('2026-04-02', 0.2, '2026-05-01', '2026-05-01'),
      ],
      A,
    );
    expect(Object.is(balance.outstanding, 0)).toBe(true);
  });
});
