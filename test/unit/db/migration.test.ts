import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { TierwiseDb } from '$db/database';
import { SCHEMA_VERSIONS } from '$db/versions/index';
import type { SchemaVersion } from '$db/versions/types';
import { v1 } from '$db/versions/v1';
import { v2 } from '$db/versions/v2';
import { scoringModelSchema } from '$schema/scoring-model';
import { generateDataset } from '$backup/sample/generate-dataset';
import { writeBundles } from '$db/dataset-writer';

/**
 * A version 2 that exists only here, to prove the pattern a real version 2 will follow:
 * new stores plus an `upgrade` that rewrites every version-1 row. This one adds a
 * lower-cased search key to clients (with an index) and moves a transaction's hours
 * into a `billing` object.
 */
const testV2: SchemaVersion = {
  version: 2,
  stores: { ...v1.stores, clients: 'id, name, searchKey' },
  upgrade: async (tx) => {
    await tx
      .table('clients')
      .toCollection()
      .modify((client: { name: string; searchKey?: string }) => {
        client.searchKey = client.name.toLowerCase();
      });
    await tx
      .table('transactions')
      .toCollection()
      .modify((row: { hours?: number; billing?: { hours: number } }) => {
        if (row.hours !== undefined) {
          row.billing = { hours: row.hours };
          delete row.hours;
        }
      });
  },
};

/** Every version-1 table, all of which a migration must carry over. */
const V1_TABLES = Object.keys(v1.stores);

const names: string[] = [];
function dbName(): string {
  const name = `migration-${names.length}-${Math.random()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const name of names.splice(0)) await TierwiseDb.delete(name);
});

describe('database versions', () => {
  it('the released history starts at version 1 and only grows', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(
      SCHEMA_VERSIONS.map((_, index) => index + 1),
    );
    expect(Object.isFrozen(v1)).toBe(true);
    expect(Object.isFrozen(v1.stores)).toBe(true);
  });

  it('keeps every released version’s stores exactly as released', () => {
    // A released version never changes: a database at it must keep opening as it did.
    const v1Stores = {
      clients: 'id, name',
      transactions: 'id, [clientId+date]',
      interactions: 'id, [clientId+date], followUpDate',
      feedback: 'id, [clientId+date]',
      complaints: 'id, [clientId+openedAt]',
      evaluations: 'id, asOf',
      models: 'id',
      settings: 'id',
    };
    const v2Stores = { ...v1Stores, snapshots: 'part', scores: 'id', changes: '++seq' };
    expect(SCHEMA_VERSIONS.map((v) => [v.version, v.stores])).toEqual([
      [1, v1Stores],
      [2, v2Stores],
      [3, v2Stores],
      [4, { ...v2Stores, evaluationColumns: 'id' }],
      [
        5,
        { ...v2Stores, evaluationColumns: 'id', merges: 'id, mergedAt', qualityDismissals: 'id' },
      ],
    ]);
    for (const version of SCHEMA_VERSIONS) expect(Object.isFrozen(version)).toBe(true);
  });

  it('upgrades a version-1 database to a test-only version 2 without losing a row', async () => {
    const name = dbName();
    const bundles = [
      ...generateDataset({ seed: 3, asOf: '2026-06-30', clients: 25, transactions: 300 }),
    ];
    const before = new TierwiseDb(name, [v1]);
    await writeBundles(before, bundles);
    const snapshot = Object.fromEntries(
      await Promise.all(V1_TABLES.map(async (t) => [t, await before.table(t).toArray()] as const)),
    );
    expect(before.verno).toBe(1);
    before.close();

    const after = new TierwiseDb(name, [v1, testV2]);
    await after.open();
    expect(after.verno).toBe(2);

    for (const table of ['interactions', 'feedback', 'complaints', 'models', 'settings']) {
      expect(await after.table(table).toArray(), table).toEqual(snapshot[table]);
    }
    const clients = await after.clients.toArray();
    expect(clients).toEqual(
      (snapshot.clients as { name: string }[]).map((c) => ({
        ...c,
        searchKey: c.name.toLowerCase(),
      })),
    );
    // The new index answers queries over the upgraded rows.
    const first = clients[0];
    expect(first).toBeDefined();
    expect(
      await after.table('clients').where('searchKey').equals(first!.name.toLowerCase()).count(),
    ).toBeGreaterThan(0);

    const transactions = await after.table('transactions').toArray();
    expect(transactions).toHaveLength(snapshot.transactions!.length);
    const hourly = (snapshot.transactions as { id: string; hours?: number }[]).filter(
      (t) => t.hours !== undefined,
    );
    expect(hourly.length).toBeGreaterThan(0);
    for (const original of hourly) {
      const upgraded = transactions.find((t: { id: string }) => t.id === original.id);
      expect(upgraded).toMatchObject({ billing: { hours: original.hours } });
      expect(upgraded).not.toHaveProperty('hours');
    }
    after.close();
  });

  it('the released version 2 opens a version-1 database with every row intact', async () => {
    const name = dbName();
    const before = new TierwiseDb(name, [v1]);
    await writeBundles(
      before,
      generateDataset({ seed: 4, asOf: '2026-06-30', clients: 10, transactions: 80 }),
    );
    const snapshot = await Promise.all(V1_TABLES.map((t) => before.table(t).toArray()));
    before.close();
    const after = new TierwiseDb(name);
    await after.open();
    expect(after.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await Promise.all(V1_TABLES.map((t) => after.table(t).toArray()))).toEqual(snapshot);
    expect(await after.scores.count()).toBe(0);
    after.close();
  });

  it('version 5 opens a version-4 database with every row intact and no merges yet', async () => {
    const name = dbName();
    const before = new TierwiseDb(name, SCHEMA_VERSIONS.slice(0, 4));
    await writeBundles(
      before,
      generateDataset({ seed: 5, asOf: '2026-06-30', clients: 10, transactions: 80 }),
    );
    const tables = before.tables.map((t) => t.name).sort();
    const rows = await Promise.all(tables.map((t) => before.table(t).toArray()));
    before.close();
    const after = new TierwiseDb(name);
    await after.open();
    expect(after.verno).toBe(5);
    expect(await Promise.all(tables.map((t) => after.table(t).toArray()))).toEqual(rows);
    expect(await after.merges.count()).toBe(0);
    expect(await after.qualityDismissals.count()).toBe(0);
    after.close();
  });

  it('version 3 brings a version-2 model to the honest-numbers rules, keeping the user’s names', async () => {
    const name = dbName();
    const before = new TierwiseDb(name, [v1, v2]);
    await before.open();
    // The default model as version 2 stored it, one tier renamed by the user.
    const old = structuredClone(await before.models.get('default'))!;
    const definition = old.definition as unknown as {
      dimensions: { loyalty: { metrics: { metric: string; normalisation: object }[] } };
      tiers: { levels: { id: string; names: Record<string, string> }[] };
      churnWarning: Record<string, number>;
    };
    for (const metric of definition.dimensions.loyalty.metrics) {
      if (metric.metric === 'referrals' || metric.metric === 'openComplaints') {
        metric.normalisation = { kind: 'percentile' };
      }
    }
    definition.tiers.levels[3]!.names = { en: 'Potential', 'zh-CN': '潜在客户' };
    definition.tiers.levels[2]!.names = { en: 'Regulars', 'zh-CN': '常客' };
    definition.churnWarning = { pActiveBelow: 0.5, minValueScore: 60 };
    await before.models.put(old);
    before.close();

    const after = new TierwiseDb(name);
    await after.open();
    const model = (await after.models.get('default'))!;
    const levels = model.definition.tiers.levels;
    expect(levels[3]!.names).toEqual({ en: 'Low value', 'zh-CN': '低价值客户' });
    expect(levels[2]!.names).toEqual({ en: 'Regulars', 'zh-CN': '常客' });
    expect(model.definition.churnWarning).toEqual({ pActiveBelow: 0.5, valuablePercent: 20 });
    const loyalty = model.definition.dimensions.loyalty.metrics;
    for (const metric of ['referrals', 'openComplaints']) {
      expect(loyalty.find((m) => m.metric === metric)?.normalisation).toEqual({
        kind: 'fixed',
        min: 0,
        max: 1,
      });
    }
    // The migrated model is a valid one.
    expect(scoringModelSchema.safeParse(model).success).toBe(true);
    after.close();
  });
});
