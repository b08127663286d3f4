import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveClient } from '$db/client-repository';
import { TierwiseDb } from '$db/database';
import { CsvService, type CsvMapping, type CsvReading } from '$worker/csv-service';
import type { WorkspaceSwap } from '$worker/workspace-swap';

let db: TierwiseDb;
let service: CsvService;

beforeEach(async () => {
  db = new TierwiseDb(`csv-matching-${Math.random()}`);
  const scoring = { adopt: () => {} };
  const swap = { stagingRows: 1_000_000 } as WorkspaceSwap; // nothing is staged here
  service = new CsvService({ db, scoring, withWriteLock: (work) => work(), swap });
  await saveClient(db, { id: 'c1', name: 'Acme', email: 'info@acme.example', tags: ['old'] });
  await saveClient(db, { id: 'c2', name: 'Zhang Wei', email: 'wei@a.example' });
  await saveClient(db, { id: 'c3', name: 'ZHANG WEI', email: 'wei@b.example' });
});

afterEach(async () => {
  await db.delete();
});

const AUTO: CsvReading = { dateOrder: null, decimalMark: null };
const CLIENTS: CsvMapping = { id: 0, name: 1, email: 2, tags: 3 };

async function check(kind: 'clients' | 'transactions', mapping: CsvMapping, lines: string[]) {
  const outcome = await service.dryRun(new Blob([lines.join('\n')]), kind, mapping, AUTO);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome.report;
}

describe('a clients file with clients already here', () => {
  const FILE = [
    'ID,Name,Email,Tags',
    ',ACME Ltd,INFO@acme.example,new',
    'c2,Wei Zhang,,',
    ',Brand New,new@example.com,',
  ];

  it('shows each match with its rule, and updates them by default', async () => {
    const report = await check('clients', CLIENTS, FILE);
    expect(report.rejected).toBe(0);
    expect(report.matches.map((m) => [m.name, m.rule, m.candidates.map((c) => c.id)])).toEqual([
      ['ACME Ltd', 'email', ['c1']],
      ['Wei Zhang', 'id', ['c2']],
    ]);
    expect(await service.apply(report.token)).toMatchObject({ ok: true, rows: 3, clients: 1 });
    const acme = await db.clients.get('c1' as never);
    expect(acme).toMatchObject({
      name: 'ACME Ltd',
      email: 'INFO@acme.example',
      tags: ['old', 'new'],
    });
    expect((await db.clients.get('c2' as never))?.name).toBe('Wei Zhang');
    expect(await db.clients.count()).toBe(4);
  });

  it('creates, updates or skips row by row, or all as one', async () => {
    const report = await check('clients', CLIENTS, FILE);
    service.decide(report.token, { all: 'skip', rows: { 1: 'create' }, names: {} });
    expect(await service.apply(report.token)).toMatchObject({ ok: true, clients: 2 });
    expect((await db.clients.get('c1' as never))?.name).toBe('Acme');
    const all = await db.clients.toArray();
    // "Wei Zhang" was created as a new client with a new id (c2 is taken).
    expect(all.filter((c) => c.name === 'Wei Zhang')).toHaveLength(1);
    expect(all.find((c) => c.name === 'Wei Zhang')?.id).not.toBe('c2');
    expect(all).toHaveLength(5);
  });
});

describe('a transactions file naming a client', () => {
  const MAPPING: CsvMapping = { clientName: 0, date: 1, amount: 2 };

  it('finds the client by normalised name', async () => {
    const report = await check('transactions', MAPPING, [
      'Client,Date,Amount',
      'ACME Ltd.,2024-03-05,10',
    ]);
    expect(report.newClients).toBe(0);
    await service.apply(report.token);
    expect((await db.transactions.toArray()).map((t) => t.clientId)).toEqual(['c1']);
  });

  it('asks which client when several share the name, and imports nothing until answered', async () => {
    const report = await check('transactions', MAPPING, [
      'Client,Date,Amount',
      'zhang wei,2024-03-05,10',
      'Zhang  Wei,2024-03-06,20',
    ]);
    expect(report.ambiguous).toHaveLength(1);
    expect(report.ambiguous[0]).toMatchObject({ name: 'zhang wei', rows: 2 });
    expect(report.ambiguous[0]?.candidates.map((c) => [c.id, c.email])).toEqual([
      ['c2', 'wei@a.example'],
      ['c3', 'wei@b.example'],
    ]);
    expect(await service.apply(report.token)).toEqual({
      ok: false,
      problem: { code: 'ambiguousClient', params: { name: 'zhang wei' } },
    });
    expect(await db.transactions.count()).toBe(0);
    service.decide(report.token, {
      all: 'update',
      rows: {},
      names: { [report.ambiguous[0]!.key]: 'c3' },
    });
    expect((await service.apply(report.token)).ok).toBe(true);
    expect((await db.transactions.toArray()).map((t) => t.clientId)).toEqual(['c3', 'c3']);
  });
});
