import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { UNKNOWN_CLASS, type EvaluationColumns } from '$engine/index';
import { TierwiseDb } from '$db/database';
import { columnsFromRecord, recordFromColumns } from '$worker/evaluation-columns';
import { packColumns, unpackColumns } from '$worker/evaluation-pack';
import {
  deleteEvaluation,
  listEvaluations,
  type StoredEvaluation,
  type StoredEvaluationColumns,
} from '$db/evaluation-store';
import {
  readEvaluation,
  recordFromStored,
  saveEvaluation,
  withStoredEvaluations,
} from '$worker/evaluation-codec';
import { v1 } from '$db/versions/v1';
import { v2 } from '$db/versions/v2';
import { v3 } from '$db/versions/v3';
import { evaluationSchema } from '$schema/evaluation';
import { evaluationOf } from '../engine/evaluation-fixtures';

const dbs: TierwiseDb[] = [];
function open(versions?: ConstructorParameters<typeof TierwiseDb>[1]): TierwiseDb {
  const db = new TierwiseDb(`evaluations-${Math.random()}`, versions);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function bigEvaluation(n: number, id: (i: number) => string) {
  const next = random(7);
  return evaluationOf(
    'big',
    Array.from({ length: n }, (_, i) => ({
      id: id(i),
      tier: i < n / 10 ? 0 : i < n / 2 ? 1 : 2,
      score: Math.round((100 - (i * 100) / n) * 100) / 100,
      revenue: Math.round(next() * 1e7) / 100,
      daysSincePurchase: Math.floor(next() * 900),
      pActive: Math.round(next() * 10_000) / 10_000,
      dimensions: { value: Math.round(next() * 10_000) / 100 },
      pinned: i % 97 === 0,
    })),
  );
}

const uuid = (i: number) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${'0'.repeat(12)}`;

describe('packed columns', () => {
  it('round-trip every column of 5,000 clients with UUID ids, to the kept precision', () => {
    const { columns } = bigEvaluation(5_000, uuid);
    const back = unpackColumns(packColumns(columns), 5_000);
    expect(back.clientIds).toEqual(columns.clientIds);
    for (const key of ['tier', 'pinned', 'abc', 'segment', 'lifecycle', 'churnWarning'] as const) {
      expect(Array.from(back[key]), key).toEqual(Array.from(columns[key]));
    }
    expect(Array.from(back.revenue)).toEqual(Array.from(columns.revenue));
    expect(Array.from(back.daysSincePurchase)).toEqual(Array.from(columns.daysSincePurchase));
    const close = (a: Float32Array, b: Float32Array, within: number) =>
      a.every((v, i) => Math.abs(v - b[i]!) <= within);
    expect(close(back.score, columns.score, 0.005)).toBe(true);
    expect(close(back.pActive, columns.pActive, 0.00005)).toBe(true);
    expect(close(back.dimensions.value, columns.dimensions.value, 0.005)).toBe(true);
  });

  it('keep ids of any shape, "no data" and "not recorded"', () => {
    const columns: EvaluationColumns = {
      ...evaluationOf('e', [
        { id: '17850', tier: 0, score: 90 },
        { id: '李明工作室', tier: 1, score: 50 },
      ]).columns,
    };
    columns.pActive[1] = Number.NaN;
    columns.dimensions.needs[0] = Number.NaN;
    columns.daysSinceContact[0] = -1;
    columns.abc.fill(UNKNOWN_CLASS);
    const back = unpackColumns(packColumns(columns), 2);
    expect(back.clientIds).toEqual(['17850', '李明工作室']);
    expect(Number.isNaN(back.pActive[1])).toBe(true);
    expect(Number.isNaN(back.dimensions.needs[0])).toBe(true);
    expect(back.daysSinceContact[0]).toBe(-1);
    expect(Array.from(back.abc)).toEqual([UNKNOWN_CLASS, UNKNOWN_CLASS]);
  });

  it('refuse bytes that do not hold the clients they should', () => {
    const packed = packColumns(evaluationOf('e', [{ id: 'a', tier: 0, score: 1 }]).columns);
    expect(() => unpackColumns(packed, 2)).toThrow(RangeError);
  });

  it('take well under 1.5 MB for 50,000 UUID clients', () => {
    const hex = (i: number) => (i * 2_654_435_761).toString(16).padStart(12, '0').slice(-12);
    const { columns } = bigEvaluation(50_000, (i) => `${uuid(i).slice(0, 24)}${hex(i)}`);
    expect(packColumns(columns).byteLength).toBeLessThan(1_500_000);
  });
});

describe('the backup form of an evaluation', () => {
  it('round-trips through the typed columns and passes the schema', () => {
    const evaluation = evaluationOf('e', [
      { id: 'a', tier: 0, score: 91.25, pActive: 0.75 },
      { id: 'b', tier: 2, score: 12.5, daysSincePurchase: -1 },
    ]);
    const record = recordFromColumns(evaluation.columns);
    expect(record.abc).toEqual(['B', 'B']);
    expect(record.daysSincePurchase).toEqual([10, null]);
    const parsed = evaluationSchema.parse({
      ...record,
      id: 'e',
      createdAt: evaluation.takenAt,
      updatedAt: evaluation.takenAt,
      asOf: evaluation.asOf,
      takenAt: evaluation.takenAt,
      trigger: 'manual',
      modelId: 'default',
      modelUpdatedAt: evaluation.modelUpdatedAt,
      engineVersion: 4,
      tiers: evaluation.tiers,
    });
    expect(columnsFromRecord(parsed)).toEqual(evaluation.columns);
  });

  it('is stored as its meta and its packed columns, and exported as it came', () => {
    const evaluation = evaluationOf('e', [{ id: 'a', tier: 0, score: 91.25 }]);
    const stamps = { createdAt: evaluation.takenAt, updatedAt: evaluation.takenAt };
    const { id, asOf, takenAt, trigger, label, modelId, modelUpdatedAt, engineVersion, tiers } =
      evaluation;
    const head = {
      id,
      asOf,
      takenAt,
      trigger,
      label,
      modelId,
      modelUpdatedAt,
      engineVersion,
      tiers,
    };
    const record = evaluationSchema.parse({
      ...head,
      ...stamps,
      ...recordFromColumns(evaluation.columns),
    });
    const rows = withStoredEvaluations({ evaluations: [record], clients: [] });
    const [meta] = rows['evaluations'] as StoredEvaluation[];
    const [columns] = rows['evaluationColumns'] as StoredEvaluationColumns[];
    expect(Object.keys(meta ?? {}).sort()).toEqual(
      [...Object.keys(head), 'clients', 'tierCounts', 'createdAt', 'updatedAt'].sort(),
    );
    expect(recordFromStored(meta!, columns!)).toEqual(record);
  });

  it('is refused when a column does not hold one value per client', () => {
    const record = recordFromColumns(evaluationOf('e', [{ id: 'a', tier: 0, score: 1 }]).columns);
    const result = evaluationSchema.safeParse({
      ...record,
      score: [1, 2],
      id: 'e',
      createdAt: '2026-11-30T12:00:00.000Z',
      updatedAt: '2026-11-30T12:00:00.000Z',
      asOf: '2026-11-30',
      takenAt: '2026-11-30T12:00:00.000Z',
      trigger: 'manual',
      modelId: 'default',
      modelUpdatedAt: '2026-11-30T12:00:00.000Z',
      engineVersion: 4,
      tiers: [{ id: 'vip', names: { en: 'VIP', 'zh-CN': '重要客户' }, colour: '#111111' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['score']);
  });
});

describe('stored evaluations', () => {
  it('are saved as two rows, listed in the order taken and read back whole', async () => {
    const db = open();
    const first = evaluationOf('first', [{ id: 'a', tier: 1, score: 60 }], {
      takenAt: '2026-10-31T08:00:00.000Z',
      asOf: '2026-12-31',
    });
    const second = evaluationOf('second', [{ id: 'a', tier: 0, score: 80 }]);
    await saveEvaluation(db, second, new Date('2026-11-30T12:00:00Z'));
    await saveEvaluation(db, first, new Date('2026-10-31T08:00:00Z'));
    expect((await listEvaluations(db)).map((e) => e.id)).toEqual(['first', 'second']);
    const read = await readEvaluation(db, 'second');
    expect(read?.columns.tier).toEqual(second.columns.tier);
    expect(read?.tierCounts).toEqual([1, 0, 0]);
    // A layout of a later build is refused, never misread.
    const row = await db.evaluationColumns.get('second');
    await db.evaluationColumns.put({ ...row!, format: 2 } as StoredEvaluationColumns); // the packed variant, format changed
    await expect(readEvaluation(db, 'second')).rejects.toThrow(RangeError);
    await deleteEvaluation(db, 'second');
    expect(await db.evaluationColumns.count()).toBe(1);
    expect(await readEvaluation(db, 'second')).toBeUndefined();
  });
});

describe('database version 4', () => {
  it('brings an evaluation of the old entries shape forward, nothing invented', async () => {
    const db = open([v1, v2, v3]);
    await db.open();
    await db.table('evaluations').add({
      id: 'old',
      asOf: '2026-06-30',
      label: 'June',
      modelId: 'default',
      entries: [
        { clientId: 'b', tierId: 'core', score: 55, rank: 2 },
        { clientId: 'a', tierId: 'vip', score: 80, rank: 1 },
      ],
      createdAt: '2026-06-30T10:00:00.000Z',
      updatedAt: '2026-06-30T10:00:00.000Z',
    });
    const name = db.name;
    db.close();
    const after = new TierwiseDb(name);
    dbs.push(after);
    await after.open();
    const meta = await after.evaluations.get('old');
    expect(meta).toMatchObject({
      asOf: '2026-06-30',
      takenAt: '2026-06-30T10:00:00.000Z',
      trigger: 'manual',
      label: 'June',
      clients: 2,
      tierCounts: [1, 1],
    });
    expect(meta?.tiers.map((t) => t.id)).toEqual(['vip', 'core']);
    const evaluation = await readEvaluation(after, 'old');
    expect(evaluation?.columns.clientIds).toEqual(['a', 'b']);
    expect(Array.from(evaluation?.columns.abc ?? [])).toEqual([UNKNOWN_CLASS, UNKNOWN_CLASS]);
    const columns = await after.evaluationColumns.get('old');
    const record = recordFromStored(meta!, columns!);
    expect(record).not.toHaveProperty('abc');
    expect(evaluationSchema.safeParse(record).success).toBe(true);
  });
});
