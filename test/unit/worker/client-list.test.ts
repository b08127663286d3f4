import { describe, expect, it } from 'vitest';
import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { buildSnapshot, computeClv, scoreClients } from '$engine/index';
import { toEpochDay } from '$lib/dates';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import type { ScoringModel } from '$schema/scoring-model';
import type { DirectoryEntry } from '$worker/client-directory';
import {
  clientsCsv,
  DEFAULT_QUERY,
  listClients,
  needsDirectory,
  type ClientQuery,
} from '$worker/client-list';
import { toScoresRecord } from '$worker/scores-record';

const AS_OF = '2026-06-30';
const records = collectRecords(
  generateDataset({ seed: 3, asOf: AS_OF, clients: 80, transactions: 900 }),
);
// Two awkward names: a formula and a Chinese name with a comma.
records.clients[0] = { ...records.clients[0]!, name: '=HYPERLINK("x")' };
records.clients[1] = { ...records.clients[1]!, name: '王芳, 设计', tags: ['Design'] };
// One archived client: kept, not ranked.
records.clients[2] = { ...records.clients[2]!, name: 'Archie Ved', archived: true };
const asOfDay = toEpochDay(AS_OF);
const snapshot = buildSnapshot(records);
const clv = computeClv(snapshot.transactions, { asOfDay, purchases: 'positive' });
const result = scoreClients(snapshot, DEFAULT_SCORING_DEFINITION, {
  asOfDay,
  pActive: clv.scores.pActive,
  clv12m: clv.scores.clv12m,
});
const model = {
  id: 'm',
  updatedAt: '2026-06-30T00:00:00.000Z',
  definition: DEFAULT_SCORING_DEFINITION,
} as unknown as ScoringModel; // only id, updatedAt and the definition are read
const scores = toScoresRecord(result, clv, model, {
  asOf: AS_OF,
  seq: 1,
  durationMs: 1,
  now: new Date('2026-06-30T12:00:00Z'),
});
const directory = new Map<string, DirectoryEntry>(
  records.clients.map((c) => [
    c.id,
    {
      name: c.name,
      company: c.company ?? '',
      email: c.email ?? '',
      tags: c.tags ?? [],
      searchText: [c.name, c.company, c.email, ...(c.tags ?? [])].join('\n').toLowerCase(),
    },
  ]),
);
const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const list = (change: Partial<ClientQuery>) => {
  const listing = listClients(scores, directory, { ...DEFAULT_QUERY, ...change }, collator);
  const names = Array.from(listing.indexes, (at) => directory.get(scores.clientIds[at]!)!.name);
  return { ...listing, names };
};

describe('listClients', () => {
  it('lists every scored client in rank order by default', () => {
    const ranks = Array.from(list({}).indexes, (at) => scores.rank[at]);
    expect(ranks).toEqual(Array.from({ length: ranks.length }, (_, i) => i + 1));
    expect(ranks.length).toBe(records.clients.filter((c) => !c.archived).length);
  });

  it('sorts by any numeric column either way, missing values last', () => {
    for (const descending of [false, true]) {
      const values = Array.from(list({ sort: 'pActive', descending }).indexes, (at) =>
        Number(scores.pActive[at]),
      );
      const known = values.filter((v) => !Number.isNaN(v));
      expect(values.slice(0, known.length)).toEqual(known);
      const sorted = [...known].sort((a, b) => (descending ? b - a : a - b));
      expect(known).toEqual(sorted);
    }
  });

  it('loads the directory only for name sorts, searches and tags', () => {
    expect(needsDirectory(DEFAULT_QUERY)).toBe(false);
    expect(needsDirectory({ ...DEFAULT_QUERY, tier: 0, sort: 'score' })).toBe(false);
    expect(needsDirectory({ ...DEFAULT_QUERY, sort: 'name' })).toBe(true);
    expect(needsDirectory({ ...DEFAULT_QUERY, search: 'li' })).toBe(true);
    expect(needsDirectory({ ...DEFAULT_QUERY, tag: 'x' })).toBe(true);
  });

  it('filters by tier, lifecycle and churn warning, and searches names and tags', () => {
    const core = list({ tier: 1 });
    expect(core.indexes.length).toBeGreaterThan(0);
    expect(Array.from(core.indexes).every((at) => scores.tier[at] === 1)).toBe(true);
    const byTag = list({ tag: 'design' });
    expect(byTag.names).toContain('王芳, 设计');
    expect(list({ search: '王芳' }).names).toEqual(['王芳, 设计']);
    expect(list({ search: 'HYPERLINK' }).names).toEqual(['=HYPERLINK("x")']);
    const churn = list({ churnOnly: true });
    expect(Array.from(churn.indexes).every((at) => scores.churnWarning[at] === 1)).toBe(true);
  });

  it('lists exactly the ranked clients who owe money past its due date with the Overdue filter', () => {
    const overdue = Array.from(list({ overdueOnly: true }).indexes);
    const owing = Array.from(list({}).indexes).filter((at) => scores.overdue[at]! > 0);
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(scores.clientIds.length / 2);
    expect(overdue).toEqual(owing);
  });
});

describe('clientsCsv', () => {
  it('has the agreed columns, one line per listed client, formulas neutralised', () => {
    const listing = list({});
    const csv = clientsCsv(scores, listing, directory, {
      tiers: ['VIP', 'Core', 'Ordinary', 'Potential'],
      segments: {},
      lifecycle: ['Prospect', 'New', 'Active', 'Dormant', 'Churned'],
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'rank,id,name,tier,abc,score,value,needs,loyalty,potential,rfm,segment,lifecycle,p_active,clv_12m',
    );
    expect(lines.length).toBe(listing.indexes.length + 2); // header, rows, final empty
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csv).toContain(',"王芳, 设计",');
    expect(lines[1]!.startsWith('1,')).toBe(true);
  });
});

describe('archived clients', () => {
  it('are left out of the list, found by their own filter and by a search', () => {
    expect(list({}).names).not.toContain('Archie Ved');
    expect(list({ archived: true }).names).toEqual(['Archie Ved']);
    const found = list({ search: 'archie' }).names;
    expect(found).toEqual(['Archie Ved']);
    // A search that also finds ranked clients lists the archived one after them.
    const both = list({ search: 'a' }).names;
    expect(both.at(-1)).toBe('Archie Ved');
  });
});
