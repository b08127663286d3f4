import { describe, expect, it } from 'vitest';
import { aliasedIds, normaliseClientKey } from '$backup/csv/client-key';
import { CsvPlan } from '$backup/csv/csv-plan';

describe('a client id from a file', () => {
  it.each([
    ['17850.0', '17850'],
    ['17850.00', '17850'],
    [' 17850 ', '17850'],
    ['17850', '17850'],
    ['017850', '017850'],
    ['17850.5', '17850.5'],
    ['C-17850.0', 'C-17850.0'],
    ['', ''],
  ])('%j is %j', (raw, key) => {
    expect(normaliseClientKey(raw)).toBe(key);
  });

  it('finds a workspace id stored in decimals', () => {
    expect([...aliasedIds(['17850.0', '13047', 'abc'])]).toEqual([['17850', '17850.0']]);
  });

  it('matches the workspace client whichever way either writes the number', () => {
    const plan = new CsvPlan({
      kind: 'transactions',
      mapping: { clientId: 0, date: 1, amount: 2 },
      dateOrder: null,
      decimalMark: null,
      known: { ids: new Set(['17850.0', '13047']), byName: new Map() },
      now: new Date('2026-03-01T00:00:00Z'),
      newId: () => 'new',
    });
    plan.add(['17850', '2024-01-01', '5'], 2);
    plan.add(['13047.0', '2024-01-02', '6'], 3);
    expect(plan.transactions.map((t) => t.clientId)).toEqual(['17850.0', '13047']);
    expect(plan.clients).toEqual([]);
  });

  it('in a clients file is stored without its decimals', () => {
    const plan = new CsvPlan({
      kind: 'clients',
      mapping: { id: 0, name: 1 },
      dateOrder: null,
      decimalMark: null,
      known: { ids: new Set(), byName: new Map() },
      now: new Date('2026-03-01T00:00:00Z'),
      newId: () => 'new',
    });
    plan.add(['17850.0', 'Ann'], 2);
    plan.add(['17850', 'Ann again'], 3);
    expect(plan.clients.map((c) => c.id)).toEqual(['17850']);
    expect(plan.rejections).toEqual([
      { row: 3, field: 'id', reason: 'duplicate', params: { row: 2 } },
    ]);
  });
});
