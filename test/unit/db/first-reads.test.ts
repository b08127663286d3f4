import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { TierwiseDb } from '$db/database';
import { hasClients } from '$db/client-repository';
import { CURRENT_SCHEMA_VERSION, FirstReads, readFirst, readFirstOf } from '$db/first-reads';
import {
  firstActiveModel,
  firstAnyClient,
  firstEvaluations,
  firstSavedRows,
  firstSavedToday,
  firstScoresStamp,
  firstSettings,
} from '$db/first-values';
import { readActiveModel } from '$db/model-repository';
import { readSettings, updateSettings } from '$db/settings-repository';
import { readFirstRows, readScoresStamp } from '$db/snapshot-store';
import { readSavedToday } from '$db/today-record';
import { SCHEMA_VERSIONS } from '$db/versions/index';
import { HistoryService } from '$worker/history-service';
import { ScoringService } from '$worker/scoring-service';
import { TodayService } from '$worker/today';
import { AS_OF, openDatabase, seedBase } from '../worker/scoring-fixtures';
import { scoringServicesPerTest } from '../worker/service-lifecycle';

const { open, services } = scoringServicesPerTest();

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).flatMap((info) => (info.name ? [info.name] : []));
}

/** A workspace as the app leaves it: scored, with its first rows and Today's lists saved. */
async function scoredWorkspace(): Promise<TierwiseDb> {
  const db = openDatabase('first-reads', open);
  await seedBase(db, 12);
  await updateSettings(db, { evaluationDate: AS_OF });
  const scoring = new ScoringService(db);
  services.push(scoring);
  scoring.start();
  await scoring.settled();
  const computedAt = (await scoring.scores(''))?.computedAt ?? '';
  await new TodayService(db, scoring, new HistoryService(db, scoring.directory)).data(
    computedAt,
    AS_OF,
  );
  return db;
}

describe('readFirst', () => {
  it('gives every first view what its own reads through Dexie give', async () => {
    const db = await scoredWorkspace();
    db.close(); // as at a cold start: nothing else has the database open
    const first = new FirstReads(await readFirst(db.name));
    await db.open();
    expect(firstSettings(first)).toEqual({ value: await readSettings(db) });
    expect(firstActiveModel(first)).toEqual({ value: await readActiveModel(db) });
    expect(firstAnyClient(first)).toEqual({ value: true });
    const stamp = await readScoresStamp(db);
    expect(stamp).toBeDefined();
    expect(firstScoresStamp(first)).toEqual({ value: stamp });
    const today = await readSavedToday(db);
    expect(today?.data.followUps.length).toBeGreaterThan(0);
    expect(firstSavedToday(first)).toEqual({ value: today });
    const rows = await readFirstRows(db);
    expect(rows?.rows.length).toBeGreaterThan(0);
    expect(firstSavedRows(first)).toEqual({ value: rows });
    expect(firstEvaluations(first)).toEqual({ value: await db.evaluations.toArray() });
  });

  it('says what an empty workspace holds: no client, no scores, nothing saved', async () => {
    const db = openDatabase('first-reads-empty', open);
    await db.open();
    db.close();
    const first = new FirstReads(await readFirst(db.name));
    expect(firstAnyClient(first)).toEqual({ value: false });
    expect(firstScoresStamp(first)).toEqual({ value: undefined });
    expect(firstSavedToday(first)).toEqual({ value: undefined });
    expect(firstSettings(first)?.value.currency).toBe('USD');
  });

  it('creates nothing when the database does not exist', async () => {
    const before = await databaseNames();
    expect(await readFirst('first-reads-none')).toBeUndefined();
    expect(await databaseNames()).toEqual(before);
  });

  it('reads nothing from a database at another schema version, which Dexie upgrades first', async () => {
    const db = openDatabase('first-reads-old', open);
    await db.open();
    db.close();
    expect(await readFirst(db.name, CURRENT_SCHEMA_VERSION + 1)).toBeUndefined();
  });

  it('knows the schema version the app declares', () => {
    expect(CURRENT_SCHEMA_VERSION).toBe(SCHEMA_VERSIONS.at(-1)?.version);
  });

  it('lets go of the database, so deleting it is not blocked', async () => {
    const db = openDatabase('first-reads-delete', open);
    await db.open();
    db.close();
    await readFirst(db.name);
    await new Promise<void>((resolve, reject) => {
      const deletion = indexedDB.deleteDatabase(db.name);
      deletion.onsuccess = () => resolve();
      deletion.onerror = () => reject(deletion.error ?? new Error('not deleted'));
      deletion.onblocked = () => reject(new Error('blocked by an open connection'));
    });
  });
});

describe('readFirstOf', () => {
  it('reads the workspace the pointer names, whatever the hint says', async () => {
    const scored = await scoredWorkspace();
    const empty = openDatabase('first-reads-named', open);
    await empty.open();
    scored.close();
    empty.close();
    const named = Promise.resolve(empty.name);
    const wrongHint = new FirstReads(await readFirstOf(named, scored.name));
    expect(firstAnyClient(wrongHint)).toEqual({ value: false });
    const noHint = new FirstReads(await readFirstOf(named, null));
    expect(firstAnyClient(noHint)).toEqual({ value: false });
    const staleHint = new FirstReads(await readFirstOf(named, 'first-reads-deleted-long-ago'));
    expect(firstAnyClient(staleHint)).toEqual({ value: false });
    const rightHint = new FirstReads(await readFirstOf(Promise.resolve(scored.name), scored.name));
    expect(firstAnyClient(rightHint)).toEqual({ value: true });
  });
});

describe('FirstReads', () => {
  it('gives nothing once expired: the views read through Dexie from then on', async () => {
    const db = openDatabase('first-reads-expire', open);
    await db.open();
    db.close();
    const first = new FirstReads(await readFirst(db.name));
    expect(firstAnyClient(first)).toEqual({ value: false });
    first.expire();
    expect(firstAnyClient(first)).toBeUndefined();
    expect(firstSettings(first)).toBeUndefined();
    await db.open();
    expect(await hasClients(db)).toBe(false);
  });

  it('gives nothing when nothing could be read', () => {
    const first = new FirstReads(undefined);
    expect(firstSettings(first)).toBeUndefined();
    expect(firstScoresStamp(first)).toBeUndefined();
  });
});
