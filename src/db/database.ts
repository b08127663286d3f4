import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Client } from '$schema/client';
import type { Complaint } from '$schema/complaint';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import type { Feedback } from '$schema/feedback';
import type { Interaction } from '$schema/interaction';
import type { MergeRecord, QualityDismissal } from '$schema/merge';
import type { ScoringModel } from '$schema/scoring-model';
import type { Settings } from '$schema/settings';
import { SETTINGS_ID } from '$schema/settings-options';
import { SCHEMA_VERSIONS } from './versions/index';
import type { SchemaVersion } from './versions/types';
import type { Transaction as Invoice } from '$schema/transaction';
import type {
  ChangeRecord,
  FirstRows,
  ScoresRecord,
  ScoresStamp,
  SnapshotPart,
} from './derived-records';
import type { StoredEvaluation, StoredEvaluationColumns } from './evaluation-store';
import type { SavedToday } from './today-record';
import { DATABASE_NAME } from './database-names';

export { DATABASE_NAME } from './database-names';

/** What the `scores` table holds, under four keys. */
export type ScoresTableRecord = ScoresRecord | ScoresStamp | FirstRows | SavedToday;

/** The tables that hold a client's records; deleting a client touches all of them. */
export const RECORD_TABLES = ['transactions', 'interactions', 'feedback', 'complaints'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/**
 * Tables that hold user data (as opposed to the model and settings); an evaluation is
 * stored in two (docs/storage.md, "Version 4"); merges and dismissed quality findings
 * describe these clients, so they go (and are copied) with them ("Version 5").
 */
export const DATA_TABLES = [
  'clients',
  ...RECORD_TABLES,
  'evaluations',
  'evaluationColumns',
  'merges',
  'qualityDismissals',
] as const;
export type DataTable = (typeof DATA_TABLES)[number];

/**
 * The one IndexedDB database of a Tierwise workspace. The main thread and the worker
 * each open their own connection; Dexie tells each side's live queries about the
 * other's writes.
 */
export class TierwiseDb extends Dexie {
  clients!: EntityTable<Client, 'id'>;
  transactions!: EntityTable<Invoice, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  feedback!: EntityTable<Feedback, 'id'>;
  complaints!: EntityTable<Complaint, 'id'>;
  evaluations!: EntityTable<StoredEvaluation, 'id'>;
  evaluationColumns!: EntityTable<StoredEvaluationColumns, 'id'>;
  models!: EntityTable<ScoringModel, 'id'>;
  settings!: EntityTable<Settings, 'id'>;
  snapshots!: Table<SnapshotPart, string>;
  /**
   * `current` (the scores), `stamp` (what the page watches of them), `first-rows` (the
   * default list's first screen, for a cold start) and `today` (Today's lists, likewise).
   */
  scores!: Table<ScoresTableRecord, ScoresTableRecord['id']>;
  changes!: EntityTable<ChangeRecord, 'seq'>;
  /** Merges of two clients, each with what its undo needs (docs/quality.md). */
  merges!: EntityTable<MergeRecord, 'id'>;
  /** Data-quality findings marked "not a problem". */
  qualityDismissals!: EntityTable<QualityDismissal, 'id'>;

  /**
   * @param name the IndexedDB name (tests use their own)
   * @param versions the schema history to apply; tests append test-only versions
   * @param now the clock, used once when a new database is populated
   */
  constructor(
    name: string = DATABASE_NAME,
    versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
    now: () => Date = () => new Date(),
  ) {
    super(name);
    for (const step of versions) {
      const declared = this.version(step.version).stores(step.stores);
      if (step.upgrade) declared.upgrade(step.upgrade);
    }
    // A brand-new database starts with settings and the default model, so no reader
    // ever has to handle "no model yet".
    this.on('populate', (tx) => {
      const stamp = now().toISOString();
      void tx.table('settings').add({
        id: SETTINGS_ID,
        theme: 'system',
        currency: 'USD',
        createdAt: stamp,
        updatedAt: stamp,
      } satisfies Settings);
      void tx.table('models').add({
        id: 'default',
        name: 'Default',
        active: true,
        definition: DEFAULT_SCORING_DEFINITION,
        createdAt: stamp,
        updatedAt: stamp,
      } satisfies ScoringModel);
    });
  }
}
