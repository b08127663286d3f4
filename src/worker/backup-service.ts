import { encryptBackup } from '$backup/crypto';
import {
  BACKUP_FORMAT,
  BACKUP_TABLES,
  BACKUP_VERSION,
  backupFileName,
  type BackupCounts,
  type BackupData,
  type BackupTable,
} from '$backup/format';
import { decideMerge, emptyTally, takesIncoming, type MergeTally } from '$backup/merge';
import { ImportFailure, type Outcome } from '$backup/problem';
import { readBackup, type ParsedBackup } from '$backup/read-backup';
import { BackupWriter } from '$backup/write-backup';
import { changeSeq, recordExport } from '$db/backup-reminder';
import {
  mergeIntoWorkspace,
  readExisting,
  readTablesInPages,
  replaceWorkspace,
} from '$db/backup-store';
import type { StoredEvaluation, StoredEvaluationColumns } from '$db/evaluation-store';
import { fillReplacement, stageWorkspace } from '$db/staging';
import { buildSnapshot } from '$engine/index';
import type { ScoringModel } from '$schema/scoring-model';
import { SETTINGS_ID, type Settings } from '$schema/settings';
import type { WorkspaceWriter } from './workspace-writer';
import { recordFromStored, withStoredEvaluations } from './evaluation-codec';

/** Why an import was refused (the page words it; see `problem.<code>` in the dictionaries). */
export type { ImportProblem, Outcome } from '$backup/problem';

export type ImportMode = 'replace' | 'merge';
export type Progress = (done: number, total: number | null) => void;

/** What an inspected backup holds, for the page to show before anything is written. */
export interface BackupPreview {
  version: number;
  encrypted: boolean;
  exportedAt: string;
  appVersion: string;
  tables: ({ table: BackupTable; records: number } & MergeTally)[];
}

export interface ExportOptions {
  passphrase?: string;
  /** The user's day, `YYYY-MM-DD`, for the file name. */
  today: string;
  /** An automatic backup before a replace does not count as the user's export. */
  automatic?: boolean;
}

/** Tables whose records name a client, and so touch its scores. */
const CLIENT_RECORDS = ['transactions', 'interactions', 'feedback', 'complaints'] as const;

/** What a write did: `swapped` when a new database replaced the workspace (the page reloads). */
export interface Written {
  written: number;
  swapped: boolean;
}

/**
 * Backups in the worker: exports stream the tables into a Blob; imports read and
 * validate the whole file first (nothing is written until every record has passed), keep
 * it until the user chooses replace or merge, then write it in one transaction — or, for
 * a replace above `swap.stagingRows`, into a staging database swapped in at the end.
 */
export class BackupService {
  readonly #writer: WorkspaceWriter;
  /** The last inspected backup, waiting for the user's choice (one at a time). */
  #pending: { token: string; backup: ParsedBackup } | null = null;

  constructor(writer: WorkspaceWriter) {
    this.#writer = writer;
  }

  /** The workspace as a backup file, encrypted when a passphrase is given. */
  async export(
    { passphrase, today, automatic = false }: ExportOptions,
    onProgress?: Progress,
  ): Promise<{ blob: Blob; fileName: string }> {
    const now = new Date();
    const seq = await changeSeq(this.#writer.db);
    const head = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now.toISOString(),
      appVersion: __APP_VERSION__,
    } as const;
    let writer = new BackupWriter(head);
    let total = 0;
    let done = 0;
    // An evaluation is stored as two rows under one id (docs/storage.md): the meta is held
    // until its columns arrive (the last table read, in the same key order) and written
    // as one record of the backup's `evaluations`.
    const metas = new Map<string, StoredEvaluation>();
    let table = '';
    await readTablesInPages(this.#writer.db, [...BACKUP_TABLES, 'evaluationColumns'], {
      counts(counts) {
        const backed = { ...counts };
        delete backed['evaluationColumns'];
        total = Object.values(backed).reduce((sum, n) => sum + n, 0);
        // Read for exactly BACKUP_TABLES, so the record has every key.
        writer = new BackupWriter({ ...head, counts: backed as BackupCounts });
      },
      table(name) {
        table = name;
        if (name !== 'evaluationColumns') writer.table(name as BackupTable); // one of BACKUP_TABLES
      },
      page(rows) {
        if (table === 'evaluations') {
          for (const row of rows as StoredEvaluation[]) metas.set(row.id, row); // rows of `evaluations`
          return;
        }
        const records =
          table === 'evaluationColumns'
            ? (rows as StoredEvaluationColumns[]).flatMap((columns) => {
                // rows of `evaluationColumns`
                const meta = metas.get(columns.id);
                return meta ? [recordFromStored(meta, columns)] : [];
              })
            : rows;
        writer.records(records);
        done += records.length;
        onProgress?.(done, total);
      },
    });
    let blob = writer.finish();
    if (passphrase) {
      blob = await encryptBackup(blob, passphrase, {
        exportedAt: now.toISOString(),
        appVersion: __APP_VERSION__,
      });
    }
    if (!automatic) await recordExport(this.#writer.db, seq, now);
    return { blob, fileName: backupFileName(today, Boolean(passphrase)) };
  }

  /** Reads and validates a backup file, and says what importing it would do. */
  async inspect(
    file: Blob,
    passphrase: string | undefined,
    onProgress?: Progress,
  ): Promise<Outcome<{ token: string; preview: BackupPreview }>> {
    this.#pending = null;
    const text = file.stream().pipeThrough(new TextDecoderStream('utf-8', { fatal: true }));
    const read = await readBackup(text, {
      ...(passphrase ? { passphrase } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    if (!read.ok) return read;
    const { backup } = read;
    const tables: BackupPreview['tables'] = [];
    for (const table of BACKUP_TABLES) {
      const tally = emptyTally();
      for (const { decision } of await this.#decide(backup.data, table)) tally[decision] += 1;
      tables.push({ table, records: backup.data[table].length, ...tally });
    }
    const token = crypto.randomUUID();
    this.#pending = { token, backup };
    return {
      ok: true,
      token,
      preview: {
        version: backup.version,
        encrypted: backup.encrypted,
        exportedAt: backup.head.exportedAt,
        appVersion: backup.head.appVersion,
        tables,
      },
    };
  }

  /** Forgets an inspected backup the user decided not to import. */
  discard(): void {
    this.#pending = null;
  }

  /** Writes an inspected backup: replacing the workspace, or merging into it. */
  async apply(token: string, mode: ImportMode, onProgress?: Progress): Promise<Outcome<Written>> {
    const pending = this.#pending;
    if (!pending || pending.token !== token)
      return { ok: false, problem: { code: 'expired', params: {} } };
    try {
      const result = await this.#writer.withWriteLock(async () =>
        mode === 'replace'
          ? this.#replace(pending.backup.data, onProgress)
          : this.#merge(pending.backup.data, onProgress),
      );
      this.#pending = null;
      return { ok: true, ...result };
    } catch (error) {
      if (error instanceof ImportFailure) return { ok: false, problem: error.problem };
      throw error;
    }
  }

  async #replace(data: BackupData, onProgress?: Progress): Promise<Written> {
    const total = BACKUP_TABLES.reduce((sum, t) => sum + data[t].length, 0);
    const snapshot = buildSnapshot(data);
    const options = { onProgress: (rows: number) => onProgress?.(rows, total) };
    if (total > this.#writer.swap.stagingRows) {
      // The new database is read by the next start of the worker, snapshot included.
      const reminder = (await this.#writer.db.settings.get(SETTINGS_ID))?.backupReminder;
      const { name } = await stageWorkspace(this.#writer.swap.pointer, (staging) =>
        fillReplacement(staging, withStoredEvaluations(data), snapshot, reminder, options),
      );
      await this.#writer.swap.swapped(name);
      return { written: total, swapped: true };
    }
    const seq = await replaceWorkspace(
      this.#writer.db,
      withStoredEvaluations(data),
      snapshot,
      options,
    );
    this.#writer.scoring.adopt(snapshot, seq);
    return { written: total, swapped: false };
  }

  async #merge(data: BackupData, onProgress?: Progress): Promise<Written> {
    const rows: Record<string, unknown[]> = {};
    const touched = new Set<string>();
    let written = 0;
    for (const table of BACKUP_TABLES) {
      const decisions = await this.#decide(data, table);
      const chosen: unknown[] = [];
      for (const { decision, existing, incoming } of decisions) {
        if (!takesIncoming(decision)) continue;
        chosen.push(mergedRecord(table, incoming, existing));
        if (table === 'clients') touched.add(incoming.id);
        if ((CLIENT_RECORDS as readonly string[]).includes(table)) {
          if (incoming.clientId !== undefined) touched.add(incoming.clientId);
          if (existing?.clientId !== undefined) touched.add(existing.clientId);
        }
      }
      if (chosen.length > 0) rows[table] = chosen;
      written += chosen.length;
    }
    const total = written;
    const stored = withStoredEvaluations(rows);
    if (total > this.#writer.swap.stagingRows) {
      // Copied into a staging database with the merged records and swapped in.
      await this.#writer.swap.swapInCopyWith(stored, 'put', null, onProgress);
      return { written, swapped: true };
    }
    await mergeIntoWorkspace(this.#writer.db, stored, [...touched], {
      onProgress: (n) => onProgress?.(n, total),
    });
    return { written, swapped: false };
  }

  /** Each record of `table` in the file with the workspace's version and the merge rule's verdict. */
  async #decide(data: BackupData, table: BackupTable) {
    type Row = { id: string; updatedAt: string; clientId?: string };
    const incoming = data[table] as Row[];
    // An empty table has nothing to compare with: skip a million lookups.
    const empty = (await this.#writer.db.table(table).count()) === 0;
    const existing = empty
      ? []
      : await readExisting<Row>(
          this.#writer.db,
          table,
          incoming.map((r) => r.id),
        );
    return incoming.map((record, i) => ({
      incoming: record,
      existing: existing[i],
      decision: decideMerge(existing[i], record),
    }));
  }
}

/**
 * The record a merge writes. It never changes which model is active, nor this device's
 * backup reminder.
 */
function mergedRecord(table: BackupTable, incoming: unknown, existing: unknown): unknown {
  if (table === 'models') {
    return {
      ...(incoming as ScoringModel),
      active: (existing as ScoringModel | undefined)?.active ?? false,
    };
  }
  if (table === 'settings') {
    const reminder = (existing as Settings | undefined)?.backupReminder;
    const next: Settings = { ...(incoming as Settings) };
    delete next.backupReminder;
    return reminder ? { ...next, backupReminder: reminder } : next;
  }
  return incoming;
}
