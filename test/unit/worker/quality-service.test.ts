import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDataset } from '$backup/sample/generate-dataset';
import { saveClient } from '$db/client-repository';
import { TierwiseDb } from '$db/database';
import { writeBundles } from '$db/dataset-writer';
import { saveTransaction } from '$db/record-repository';
import { findingId } from '$engine/index';
import { QualityService } from '$worker/quality-service';
import { loadRomanise } from '$worker/romanise';

const open: TierwiseDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const TODAY = '2026-06-30';
const unlocked = <T>(work: () => Promise<T>): Promise<T> => work();

/** The sample with planted problems: a duplicate by e-mail, a pinyin pair, bad invoices. */
async function plantedDb(): Promise<{ db: TierwiseDb; original: string; copy: string }> {
  const db = new TierwiseDb(`quality-test-${Math.random()}`);
  open.push(db);
  await writeBundles(db, [
    ...generateDataset({ seed: 21, asOf: TODAY, clients: 15, transactions: 300 }),
  ]);
  const [first] = await db.clients.orderBy('id').limit(1).toArray();
  await saveClient(db, { ...first!, email: 'owner@planted.example' });
  const copy = await saveClient(db, {
    name: `${first!.name.toUpperCase()} Ltd`,
    email: 'Owner@Planted.example',
  });
  await saveClient(db, { id: 'zh-1', name: '张伟' });
  await saveClient(db, { id: 'zh-2', name: 'Zhang Wei' });
  const bad = { clientId: copy.id, reference: '', description: '' };
  await saveTransaction(db, {
    ...bad,
    id: 'paid-early',
    date: '2026-05-10',
    amount: 90,
    paidDate: '2026-05-01',
  });
  await saveTransaction(db, { ...bad, id: 'negative', date: '2026-05-11', amount: -40 });
  await saveTransaction(db, { ...bad, id: 'huge', date: '2026-05-12', amount: 9_000_000 });
  return { db, original: first!.id, copy: copy.id };
}

describe('the quality service', () => {
  it('lists the planted duplicates, pinyin pair, impossible values and outlier, with names', async () => {
    const { db, original, copy } = await plantedDb();
    const report = await new QualityService(db, unlocked).report(TODAY);
    const pair = report.duplicates.find((p) => [p.a, p.b].includes(copy));
    expect([pair?.a, pair?.b].sort()).toEqual([original, copy].sort());
    expect(pair?.reasons).toEqual(['email', 'name']);
    expect(report.duplicates.find((p) => p.a === 'zh-1')?.reasons).toEqual(['pinyin']);
    const planted = report.impossible.filter((v) => v.clientId === copy);
    expect(planted.map((v) => [v.kind, v.id]).sort()).toEqual([
      ['paidBeforeInvoiced', 'paid-early'],
      ['unmarkedRefund', 'negative'],
    ]);
    expect(report.outliers.map((o) => o.id)).toContain('huge');
    expect(report.names[copy]).toMatch(/ Ltd$/);
    expect(report.score).toBeLessThan(100);
  });

  it('remembers "not a problem" across restarts of the worker', async () => {
    const { db } = await plantedDb();
    const service = new QualityService(db, unlocked);
    const before = await service.report(TODAY);
    const pinyin = before.duplicates.find((p) => p.a === 'zh-1')!;
    await service.dismiss(findingId.duplicate(pinyin));
    const again = await new QualityService(db, unlocked).report(TODAY);
    expect(again.duplicates.find((p) => p.a === 'zh-1')).toBeUndefined();
    expect(again.dismissed).toBe(1);
    await service.restore(findingId.duplicate(pinyin));
    expect((await service.report(TODAY)).dismissed).toBe(0);
  });

  it('merges and undoes, and says why it cannot', async () => {
    const { db, original, copy } = await plantedDb();
    const service = new QualityService(db, unlocked);
    const merged = await service.merge(original, copy);
    expect(merged.ok).toBe(true);
    expect(await db.clients.get(copy as never)).toBeUndefined();
    const report = await service.report(TODAY);
    expect(report.duplicates.some((p) => [p.a, p.b].includes(copy))).toBe(false);
    expect((await db.transactions.get('huge'))?.clientId).toBe(original);
    const undone = await service.undo(merged.ok ? merged.mergeId : '');
    expect(undone.ok).toBe(true);
    expect((await db.transactions.get('huge'))?.clientId).toBe(copy);
    expect(await service.merge(original, 'nobody')).toEqual({ ok: false, code: 'missing' });
  });

  it('scores a small base at once for the Dashboard, and a large one from the last check', async () => {
    const { db } = await plantedDb();
    const service = new QualityService(db, unlocked);
    const report = await new QualityService(db, unlocked).report(TODAY);
    expect(await service.score(TODAY)).toEqual({ score: report.score, current: true });

    const counts = {
      clients: 50_000,
      transactions: 1_000_000,
      interactions: 0,
      feedback: 0,
      complaints: 0,
    };
    await db.scores.put({
      id: 'stamp',
      computedAt: '2026-06-30T10:00:00.000Z',
      asOf: TODAY,
      seq: 1,
      counts,
    });
    const large = new QualityService(db, unlocked);
    expect(await large.score(TODAY)).toBeNull();
    const checked = await large.report(TODAY);
    expect(await large.score(TODAY)).toEqual({ score: checked.score, current: true });
    await saveClient(db, { name: 'One more' });
    expect(await large.score(TODAY)).toEqual({ score: checked.score, current: false });
  });

  it('romanises Chinese names with pinyin-pro, loaded on first use', async () => {
    const romanise = await loadRomanise();
    expect(romanise('张伟')).toBe('zhang wei');
    expect(romanise('北京 Acme')).toBe('bei jing');
  });
});
