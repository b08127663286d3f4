import { describe, expect, it } from 'vitest';
import { guessMapping, normaliseHeader } from '$backup/csv/guess-mapping';

describe('the column guesser', () => {
  it('reads the plain English headers of a transactions export', () => {
    expect(guessMapping(['Customer ID', 'Date', 'Amount'], 'transactions')).toMatchObject({
      clientId: 0,
      date: 1,
      amount: 2,
      clientName: null,
      id: null,
    });
  });

  it('reads CRM and invoicing headers', () => {
    const mapping = guessMapping(
      ['Invoice #', 'Client', 'Invoice Date', 'Due Date', 'Total', 'Date Paid', 'Notes'],
      'transactions',
    );
    expect(mapping).toMatchObject({
      reference: 0,
      clientName: 1,
      date: 2,
      dueDate: 3,
      amount: 4,
      paidDate: 5,
    });
  });

  it('reads Chinese headers', () => {
    expect(
      guessMapping(['客户编号', '客户名称', '日期', '金额', '备注'], 'transactions'),
    ).toMatchObject({
      clientId: 0,
      clientName: 1,
      date: 2,
      amount: 3,
    });
    expect(
      guessMapping(['客户名称', '公司', '电话', '邮箱', '行业', '地区', '标签'], 'clients'),
    ).toEqual({
      id: null,
      name: 0,
      company: 1,
      phone: 2,
      email: 3,
      industry: 4,
      region: 5,
      source: null,
      tags: 6,
      notes: null,
      hourlyRate: null,
      contactName: null,
      contactRole: null,
      contactEmail: null,
      contactPhone: null,
    });
  });

  it("tells the client's own e-mail and phone from its contact person's", () => {
    expect(
      guessMapping(
        ['客户名称', '邮箱', '电话', '联系人', '职位', '联系人邮箱', '联系人电话', '时薪'],
        'clients',
      ),
    ).toMatchObject({
      name: 0,
      email: 1,
      phone: 2,
      contactName: 3,
      contactRole: 4,
      contactEmail: 5,
      contactPhone: 6,
      hourlyRate: 7,
    });
  });

  it('matches headers that contain a known name, and gives each column one field', () => {
    const mapping = guessMapping(
      ['Order Date (UTC)', 'Customer Name', 'Amount (USD)'],
      'transactions',
    );
    expect(mapping).toMatchObject({ date: 0, clientName: 1, amount: 2 });
    const twice = guessMapping(['Amount', 'Amount'], 'transactions');
    expect(twice.amount).toBe(0);
  });

  it('reads interactions', () => {
    expect(
      guessMapping(['Client', 'Date', 'Type', 'Subject', 'Next contact'], 'interactions'),
    ).toMatchObject({
      clientName: 0,
      date: 1,
      kind: 2,
      summary: 3,
      followUpDate: 4,
    });
  });

  it('normalises headers, byte-order mark included', () => {
    expect(normaliseHeader('\uFEFF Customer_ID ')).toBe('customerid');
    expect(normaliseHeader('客户名称（全称）')).toBe('客户名称全称');
  });
});
