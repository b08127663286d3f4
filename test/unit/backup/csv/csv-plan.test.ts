import { describe, expect, it } from 'vitest';
import { CsvPlan, type KnownClients } from '$backup/csv/csv-plan';
import { guessMapping } from '$backup/csv/guess-mapping';
import type { CsvKind } from '$backup/csv/fields';

const NOW = new Date('2026-03-01T00:00:00Z');

function plan(kind: CsvKind, rows: string[][], known: Partial<KnownClients> = {}) {
  const [headers = [], ...data] = rows;
  let next = 0;
  const result = new CsvPlan({
    kind,
    mapping: guessMapping(headers, kind),
    dateOrder: null,
    decimalMark: null,
    known: { ids: new Set(), byName: new Map(), ...known },
    now: NOW,
    newId: () => `new-${++next}`,
    headers,
  });
  data.forEach((cells, i) => result.add(cells, i + 2));
  return result;
}

describe('a transactions file', () => {
  it('creates the clients it names, once each, matched by id', () => {
    const result = plan('transactions', [
      ['Customer ID', 'Date', 'Amount'],
      ['C1', '2024-03-05', '1,234.50'],
      ['C2', '05/03/2024', '$100'],
      ['C1', '2024年3月6日', '¥20'],
    ]);
    // 05/03/2024 is ambiguous without an order: that row is refused, not guessed.
    expect(result.rejections).toEqual([
      { row: 3, field: 'date', reason: 'date', params: { value: '05/03/2024' } },
    ]);
    // A client given by id alone is named after it.
    expect(result.clients.map((c) => [c.id, c.name])).toEqual([['C1', 'Client C1']]);
    expect(result.transactions.map((t) => [t.clientId, t.date, t.amount])).toEqual([
      ['C1', '2024-03-05', 1234.5],
      ['C1', '2024-03-06', 20],
    ]);
    expect(result.transactions[0]).toMatchObject({ createdAt: NOW.toISOString(), reference: '' });
    // Made-up ids need no lookup in the workspace: only ids from the file are checked.
    expect(result.explicitIds()).toEqual([]);
  });

  it('matches existing clients by id, else by exact name', () => {
    const result = plan(
      'transactions',
      [
        ['Client', 'Date', 'Amount'],
        ['Harbour Design', '2024-03-05', '10'],
        ['harbour design', '2024-03-05', '10'],
        ['New Co', '2024-03-05', '10'],
        ['New Co', '2024-03-06', '10'],
      ],
      { ids: new Set(['h1']), byName: new Map([['Harbour Design', 'h1']]) },
    );
    const [ann, lower, newCo, again] = result.transactions.map((t) => t.clientId);
    expect(ann).toBe('h1');
    expect(new Set([ann, lower, newCo]).size).toBe(3);
    expect(again).toBe(newCo);
    expect(result.clients.map((c) => [c.id, c.name])).toEqual([
      [lower, 'harbour design'],
      [newCo, 'New Co'],
    ]);
  });

  it('reports every bad row with its row number, field and reason, and creates no client for it', () => {
    const result = plan('transactions', [
      ['Customer ID', 'Customer', 'Date', 'Amount', 'Due date', 'Invoice #', 'ID'],
      ['C1', 'Ann', '2024-03-05', '100', '', 'A-1', 't1'],
      ['', '', '2024-03-05', '100', '', '', 't2'],
      ['C2', 'Bob', '2024-02-30', '100', '', '', 't3'],
      ['C3', 'Cy', '2024-03-05', 'ten', '', '', 't4'],
      ['C4', 'Di', '2024-03-05', '100', '2024-03-01', '', 't5'],
      ['C1', 'Ann', '2024-03-07', '50', '', '', 't1'],
      ['C5', 'Ed', '2024-03-05', '', '', '', 't6'],
    ]);
    expect(result.rejections.map((r) => [r.row, r.field, r.reason])).toEqual([
      [3, 'clientId', 'noClient'],
      [4, 'date', 'date'],
      [5, 'amount', 'amount'],
      [6, 'dueDate', 'invalid'],
      [7, 'id', 'duplicate'],
      [8, 'amount', 'required'],
    ]);
    expect(result.rejections[4]!.params).toEqual({ row: 2 });
    // The refusal names the column the client was mapped from, as the file heads it.
    expect(result.rejections[0]!.params).toEqual({ column: 'Customer ID' });
    expect(result.withoutClient).toBe(1);
    expect(result.clients.map((c) => c.id)).toEqual(['C1']);
    expect(result.accepted).toBe(1);
    expect(result.rejectedCells[1]).toEqual(['C2', 'Bob', '2024-02-30', '100', '', '', 't3']);
  });

  it('refuses ids the workspace already has', () => {
    const result = plan('transactions', [
      ['Customer ID', 'Date', 'Amount', 'ID'],
      ['C1', '2024-03-05', '1', 'old'],
      ['C1', '2024-03-05', '2', 'fresh'],
    ]);
    expect(result.explicitIds()).toEqual(['old', 'fresh']);
    result.rejectExisting('transactions', new Set(['old']));
    expect(result.transactions.map((t) => t.id)).toEqual(['fresh']);
    expect(result.rejections).toEqual([
      { row: 2, field: 'id', reason: 'exists', params: { value: 'old' } },
    ]);
  });
});

describe('a clients file', () => {
  it('reads each row as a client, tags split on common separators', () => {
    const result = plan('clients', [
      ['Name', 'Email', 'Tags'],
      ['Ann', 'ann@example.com', 'vip; retail'],
      ['', 'nobody@example.com', ''],
      ['Bob', 'not-an-email', ''],
      ['李明', '', '重要、零售'],
    ]);
    expect(result.clients.map((c) => [c.name, c.tags])).toEqual([
      ['Ann', ['vip', 'retail']],
      ['李明', ['重要', '零售']],
    ]);
    expect(result.rejections.map((r) => [r.row, r.field, r.reason])).toEqual([
      [3, 'name', 'required'],
      [4, 'email', 'invalid'],
    ]);
  });

  it("reads a client's hourly rate and its contact person, the primary one", () => {
    const result = plan('clients', [
      ['Name', 'Hourly rate', 'Contact person', 'Job title', 'Contact email', '联系人电话'],
      [
        'Harbour Design',
        '85.5',
        'Mia Chen',
        'Studio manager',
        'mia@harbour.example',
        '+44 20 7946 0000',
      ],
      ['Solo Ltd', '', '', '', '', ''],
      ['No Name Co', '', '', 'Buyer', '', ''],
      ['Bad Mail', '', 'Tom', '', 'tom-at-example', ''],
      ['Bad Rate', 'lots', '', '', '', ''],
    ]);
    expect(result.clients.map((c) => [c.name, c.hourlyRate, c.contacts])).toEqual([
      [
        'Harbour Design',
        85.5,
        [
          {
            name: 'Mia Chen',
            role: 'Studio manager',
            email: 'mia@harbour.example',
            phone: '+44 20 7946 0000',
            primary: true,
          },
        ],
      ],
      ['Solo Ltd', undefined, undefined],
    ]);
    expect(result.rejections.map((r) => [r.row, r.field, r.reason])).toEqual([
      [4, 'contactName', 'required'],
      [5, 'contactEmail', 'invalid'],
      [6, 'hourlyRate', 'number'],
    ]);
  });
});

describe('an interactions file', () => {
  it('reads kinds in English and Chinese and defaults to a note', () => {
    const result = plan('interactions', [
      ['Client', 'Date', 'Type', 'Subject'],
      ['Ann', '2024-03-05', 'Phone', 'Catch-up'],
      ['Ann', '2024-03-06', '会议', ''],
      ['Ann', '2024-03-07', '', 'Remember'],
      ['Ann', '2024-03-08', 'fax', ''],
    ]);
    expect(result.interactions.map((i) => i.kind)).toEqual(['call', 'meeting', 'note']);
    expect(result.rejections).toEqual([
      { row: 5, field: 'kind', reason: 'kind', params: { value: 'fax' } },
    ]);
  });
});
