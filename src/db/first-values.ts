import type { ScoringModel } from '$schema/scoring-model';
import type { Settings } from '$schema/settings';
import type { FirstRows, ScoresStamp } from './derived-records';
import type { ScoresTableRecord } from './database';
import type { StoredEvaluation } from './evaluation-store';
import type { FirstReadName, FirstReads } from './first-reads';
import { activeModelIn } from './model-repository';
import { firstRowsIn, scoresStampIn } from './snapshot-store';
import { savedTodayIn, type SavedToday } from './today-record';

/**
 * What a live query's first answer would be, taken from the records read at start
 * (`FirstReads`): `{ value }` when they hold it (the value may be "none"), undefined when
 * the query has to read it itself. Each one picks from the raw record as the matching
 * repository function does.
 */
export type First<T> = { readonly value: T } | undefined;

// The records were written by this app at the schema version `readFirst` checked, as the
// typed Dexie tables assume of what they read: each cast below stands for that.
function take<T>(
  first: FirstReads | undefined,
  name: FirstReadName,
  pick: (raw: unknown) => T | undefined,
): First<T> {
  if (!first?.has(name)) return undefined;
  const value = pick(first.get(name));
  return value === undefined ? undefined : { value };
}

function takeOptional<T>(
  first: FirstReads | undefined,
  name: FirstReadName,
  pick: (raw: unknown) => T,
): First<T> {
  return first?.has(name) ? { value: pick(first.get(name)) } : undefined;
}

/** As `readSettings`; a missing record is left to it, which says so. */
export const firstSettings = (first: FirstReads | undefined): First<Settings> =>
  take(first, 'settings', (raw) => raw as Settings | undefined);

/** As `readActiveModel`; no active model is left to it, which says so. */
export const firstActiveModel = (first: FirstReads | undefined): First<ScoringModel> =>
  take(first, 'models', (raw) => activeModelIn(raw as ScoringModel[]));

/** As `hasClients`. */
export const firstAnyClient = (first: FirstReads | undefined): First<boolean> =>
  takeOptional(first, 'anyClient', (raw) => raw === true);

/** As `readScoresStamp`. */
export const firstScoresStamp = (first: FirstReads | undefined): First<ScoresStamp | undefined> =>
  takeOptional(first, 'scoresStamp', (raw) => scoresStampIn(raw as ScoresTableRecord | undefined));

/** As `readSavedToday`. */
export const firstSavedToday = (first: FirstReads | undefined): First<SavedToday | undefined> =>
  takeOptional(first, 'savedToday', (raw) => savedTodayIn(raw as ScoresTableRecord | undefined));

/** As `readFirstRows`. */
export const firstSavedRows = (first: FirstReads | undefined): First<FirstRows | undefined> =>
  takeOptional(first, 'firstRows', (raw) => firstRowsIn(raw as ScoresTableRecord | undefined));

/** As `db.evaluations.toArray()`. */
export const firstEvaluations = (first: FirstReads | undefined): First<StoredEvaluation[]> =>
  takeOptional(first, 'evaluations', (raw) => raw as StoredEvaluation[]);
