import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { TierwiseDb } from '$db/database';
import { snapshotCounts } from '$db/derived-records';
import { readActiveModel, saveActiveModel } from '$db/model-repository';
import { updateSettings } from '$db/settings-repository';
import { readFirstRows, readScores, readScoresStamp } from '$db/snapshot-store';
import { countRecords } from '$db/workspace';
import { ENGINE_VERSION, type Snapshot } from '$engine/index';
import type { ScoringDefinition } from '$schema/scoring-model';
import { ClientDirectory } from '$worker/client-directory';
import { DEFAULT_QUERY } from '$worker/client-list';
import { FIRST_ROWS } from '$worker/first-rows';
import { ListService } from '$worker/list-service';
import { readAsOf, Scorer } from '$worker/scorer';
import type { ScoringStatus } from '$worker/scoring-status';
import { AS_OF, deleteDatabases, openDatabase, seedBase } from './scoring-fixtures';

const open: TierwiseDb[] = [];
afterEach(() => deleteDatabases(open));

/** A base scored as of the fixed evaluation date, by a scorer that records its reports. */
async function scoredBase() {
  const db = openDatabase('scorer', open);
  const { snapshot, seq } = await seedBase(db);
  await updateSettings(db, { evaluationDate: AS_OF });
  const reports: Partial<ScoringStatus>[] = [];
  const scorer = new Scorer(db, (change) => reports.push(change));
  const score = async (on: Snapshot = snapshot, by: Scorer = scorer): ReturnType<Scorer['score']> =>
    by.score({
      snapshot: on,
      seq,
      changed: null,
      asOf: await readAsOf(db, new Date()),
      started: performance.now(),
    });
  const first = await score();
  return { db, snapshot, seq, scorer, reports, score, first };
}

/** The model with value and loyalty weighed the other way round (still 100 in all). */
function reweighed(definition: ScoringDefinition): ScoringDefinition {
  const { value, loyalty } = definition.dimensions;
  return {
    ...definition,
    dimensions: {
      ...definition.dimensions,
      value: { ...value, weight: loyalty.weight },
      loyalty: { ...loyalty, weight: value.weight },
    },
  };
}

describe('the scorer', () => {
  it('saves the first screen of the default list with the scores, as the list shows it', async () => {
    const { db, first } = await scoredBase();
    const saved = await readFirstRows(db);
    expect(saved?.computedAt).toBe(first?.computedAt);
    const scoring = { scores: async () => first };
    const lists = new ListService(db, scoring, new ClientDirectory(db));
    const handle = await lists.open(DEFAULT_QUERY, new Intl.Collator('en'), '');
    expect(saved?.count).toBe(handle?.count);
    expect(saved?.trust).toBe(handle?.trust);
    expect(saved?.rows).toEqual(await lists.rows(handle?.listId ?? 0, 0, FIRST_ROWS));
    expect(saved?.rows.map((row) => row.rank)).toEqual(
      Array.from({ length: Math.min(FIRST_ROWS, saved?.count ?? 0) }, (_, i) => i + 1),
    );
  });

  it('scores the snapshot and saves the scores with a stamp of its rows', async () => {
    const { db, snapshot, seq, reports, first } = await scoredBase();
    const model = await readActiveModel(db);
    expect(first).toMatchObject({
      seq,
      asOf: AS_OF,
      modelId: model.id,
      modelUpdatedAt: model.updatedAt,
      engineVersion: ENGINE_VERSION,
      clientIds: snapshot.clients.ids,
    });
    expect((await readScores(db))?.computedAt).toBe(first?.computedAt);
    const stamp = await readScoresStamp(db);
    expect(stamp).toMatchObject({ computedAt: first?.computedAt, asOf: AS_OF, seq });
    expect(stamp?.counts).toEqual(snapshotCounts(snapshot));
    expect(stamp?.counts).toEqual(await countRecords(db));
    expect(stamp?.counts.clients).toBe(12);
    expect(reports.map((r) => r.phase).filter(Boolean)).toContain('scoring');
    expect(reports.at(-1)).toMatchObject({ clients: 12, error: null });
  });

  it('skips a run when the stored scores were made from the same data, day and model', async () => {
    const { db, scorer, reports, score, first } = await scoredBase();
    reports.length = 0;
    expect(await score()).toBeNull();
    // A worker that starts on these scores reads their key and skips as well.
    expect(await score(undefined, new Scorer(db, (change) => reports.push(change)))).toBeNull();
    expect(reports).toEqual([]);
    expect((await readScores(db))?.computedAt).toBe(first?.computedAt);
    expect(await scorer.lastRun(null)).not.toBeNull();
  });

  it('scores again when the model changes', async () => {
    const { db, score, first } = await scoredBase();
    const saved = await saveActiveModel(db, reweighed((await readActiveModel(db)).definition));
    const again = await score();
    expect(again?.modelUpdatedAt).toBe(saved.updatedAt);
    expect(again?.modelUpdatedAt).not.toBe(first?.modelUpdatedAt);
    expect((await readScores(db))?.computedAt).toBe(again?.computedAt);
    expect(Array.from(again?.composite ?? [])).not.toEqual(Array.from(first?.composite ?? []));
  });

  it('leaves data another tab has just scored alone', async () => {
    const { db, score } = await scoredBase();
    const otherTab = new Scorer(db, () => undefined);
    expect(await score(undefined, otherTab)).toBeNull();
    // This tab scores the data with a changed model; the other tab's turn comes after.
    await saveActiveModel(db, reweighed((await readActiveModel(db)).definition));
    const made = await score();
    expect(made).not.toBeNull();
    expect(await score(undefined, otherTab)).toBeNull();
    expect((await readScores(db))?.computedAt).toBe(made?.computedAt);
  });

  it('scores again, as of the new day, when the evaluation date changes', async () => {
    const { db, score } = await scoredBase();
    await updateSettings(db, { evaluationDate: '2026-03-31' });
    const again = await score();
    expect(again?.asOf).toBe('2026-03-31');
    expect((await readScoresStamp(db))?.asOf).toBe('2026-03-31');
    expect(await score()).toBeNull();
  });

  it('stamps current scores saved before there were stamps, without scoring again', async () => {
    const { db, snapshot, score, first } = await scoredBase();
    await db.scores.delete('stamp');
    expect(await score(undefined, new Scorer(db, () => undefined))).toBeNull();
    expect(await readScoresStamp(db)).toMatchObject({
      computedAt: first?.computedAt,
      counts: snapshotCounts(snapshot),
    });
  });
});
