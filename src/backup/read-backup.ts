import { Decryptor, ENCRYPTED_FORMAT } from './crypto';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  RECORD_SCHEMAS,
  backupHeadSchema,
  emptyBackupData,
  isBackupTable,
  type BackupData,
  type BackupHead,
  type BackupTable,
} from './format';
import {
  FORBIDDEN_KEYS,
  JsonScanner,
  JsonShapeError,
  forbiddenKeyIn,
  type ScanHandlers,
} from './json-scanner';
import { OLDEST_READABLE_VERSION, migrationsFrom, type BackupMigration } from './migrations';
import { ImportFailure, fail, type Outcome } from './problem';

/** A backup read, migrated and validated in full: safe to write. */
export interface ParsedBackup {
  /** The version the file was written in (before migration). */
  version: number;
  encrypted: boolean;
  head: BackupHead;
  data: BackupData;
}

export interface ReadBackupOptions {
  passphrase?: string;
  /** Records read so far, and the total when the file says. */
  onProgress?: (records: number, total: number | null) => void;
}

/** Collects the records of a plain backup, migrating and validating each as it arrives. */
class PlainBackup implements ScanHandlers {
  readonly #members: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  readonly data = emptyBackupData();
  readonly #ids = new Map<BackupTable, Set<string>>();
  #version: number | null = null;
  #migrations: readonly BackupMigration[] = [];
  #records = 0;
  #total: number | null = null;
  readonly #onProgress: ReadBackupOptions['onProgress'];

  constructor(onProgress: ReadBackupOptions['onProgress']) {
    this.#onProgress = onProgress;
  }

  get version(): number | null {
    return this.#version;
  }

  head(key: string, json: string): void {
    checkKeys(json, key);
    if (key in this.#members) fail('notJson', { at: 0 });
    this.#members[key] = this.#migrations.reduce((value, m) => m.head(key, value), parseJson(json));
    if (key === 'format' && this.#members['format'] !== BACKUP_FORMAT) fail('notBackup');
    if (key === 'version') this.#startVersion(this.#members['version']);
    if (key === 'counts') this.#total = totalOf(this.#members['counts']);
  }

  open(list: string): void {
    checkKeys('', list.slice('data.'.length));
    if (this.#version === null) fail('notBackup');
    const table = list.slice('data.'.length);
    if (!list.startsWith('data.') || !isBackupTable(table)) fail('unknownTable', { table });
    if (this.#ids.has(table)) fail('notJson', { at: 0 });
    this.#ids.set(table, new Set());
  }

  item(list: string, json: string): void {
    const table = list.slice('data.'.length) as BackupTable; // checked when the list opened
    checkKeys(json);
    let record = parseJson(json);
    const row = this.data[table].length + 1;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      fail('invalidRecord', { table, row, field: '', reason: 'not an object' });
    }
    for (const migration of this.#migrations) {
      record = migration.record(table, record as Record<string, unknown>);
    }
    const parsed = RECORD_SCHEMAS[table].safeParse(record);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail('invalidRecord', {
        table,
        row,
        field: issue?.path.join('.') ?? '',
        reason: issue?.message ?? '',
      });
    }
    const ids = this.#ids.get(table);
    const { id } = parsed.data;
    if (ids?.has(id)) fail('duplicateId', { table, id });
    ids?.add(id);
    (this.data[table] as unknown[]).push(parsed.data);
    this.#records += 1;
    if (this.#records % 10_000 === 0) this.#onProgress?.(this.#records, this.#total);
  }

  close(): void {}

  #startVersion(version: unknown): void {
    if (this.#members['format'] !== BACKUP_FORMAT) fail('notBackup');
    if (typeof version !== 'number' || !Number.isInteger(version)) fail('notBackup');
    if (version > BACKUP_VERSION) {
      fail('futureVersion', { version, supported: BACKUP_VERSION });
    }
    if (version < OLDEST_READABLE_VERSION) fail('notBackup');
    this.#version = version;
    this.#migrations = migrationsFrom(version);
    this.#members['version'] = BACKUP_VERSION;
  }

  /** Checks what can only be checked once every record is in. */
  finish(): { head: BackupHead; version: number } {
    const version = this.#version;
    if (version === null) fail('notBackup');
    const head = backupHeadSchema.safeParse(this.#members);
    if (!head.success) {
      const issue = head.error.issues[0];
      fail('invalidRecord', {
        table: 'head',
        row: 1,
        field: issue?.path.join('.') ?? '',
        reason: issue?.message ?? '',
      });
    }
    for (const [table, expected] of Object.entries(head.data.counts ?? {})) {
      const found = this.data[table as BackupTable].length; // keys are backup tables
      if (found !== expected) fail('countMismatch', { table, expected, found });
    }
    checkReferences(this.data);
    return { head: head.data, version };
  }
}

function parseJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    fail('notJson', { at: 0 });
  }
}

/** Refuses a forbidden member name, or one written anywhere inside `json`. */
function checkKeys(json: string, name?: string): void {
  if (name !== undefined && (FORBIDDEN_KEYS as readonly string[]).includes(name)) {
    fail('forbiddenKey', { key: name });
  }
  const key = forbiddenKeyIn(json);
  if (key !== undefined) fail('forbiddenKey', { key });
}

function totalOf(counts: unknown): number | null {
  if (!counts || typeof counts !== 'object') return null;
  const values = Object.values(counts).filter((v): v is number => typeof v === 'number');
  return values.reduce((sum, v) => sum + v, 0);
}

/** Every record names a client of the same backup; one settings record; one active model. */
export function checkReferences(data: BackupData): void {
  if (data.settings.length !== 1) fail('settingsCount', { found: data.settings.length });
  const active = data.models.filter((m) => m.active).length;
  if (active !== 1) fail('modelCount', { found: active });
  const clients = new Set(data.clients.map((c) => c.id));
  data.clients.forEach((client, index) => {
    if (client.referredById !== undefined && !clients.has(client.referredById)) {
      fail('missingClient', { table: 'clients', row: index + 1, id: client.referredById });
    }
  });
  for (const table of ['transactions', 'interactions', 'feedback', 'complaints'] as const) {
    data[table].forEach((record, index) => {
      if (!clients.has(record.clientId)) {
        fail('missingClient', { table, row: index + 1, id: record.clientId });
      }
    });
  }
}

/**
 * Decides between a plain and an encrypted backup from the `format` member, then hands
 * plain text to a `PlainBackup`, decrypting chunk by chunk when needed.
 */
class BackupRouter implements ScanHandlers {
  readonly plain: PlainBackup;
  readonly #outerHead: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  #mode: 'unknown' | 'plain' | 'encrypted' = 'unknown';
  /** Sealed chunks waiting to be opened (the last one is held back until the list ends). */
  readonly #sealed: string[] = [];
  #listClosed = false;

  constructor(readonly options: ReadBackupOptions) {
    this.plain = new PlainBackup(options.onProgress);
  }

  get encrypted(): boolean {
    return this.#mode === 'encrypted';
  }

  head(key: string, json: string): void {
    if (this.#mode === 'unknown') {
      if (key !== 'format') fail('notBackup');
      const format = parseJson(json);
      this.#mode = format === ENCRYPTED_FORMAT ? 'encrypted' : 'plain';
    }
    if (this.#mode === 'plain') this.plain.head(key, json);
    else {
      checkKeys(json, key);
      this.#outerHead[key] = parseJson(json);
    }
  }

  open(list: string): void {
    if (this.#mode === 'plain') return this.plain.open(list);
    if (list !== 'chunks') fail('notBackup');
  }

  item(list: string, json: string): void {
    if (this.#mode === 'plain') return this.plain.item(list, json);
    const chunk = parseJson(json);
    if (typeof chunk !== 'string') fail('notBackup');
    this.#sealed.push(chunk);
  }

  close(list: string): void {
    if (this.#mode === 'plain') return this.plain.close();
    if (list === 'chunks') this.#listClosed = true;
  }

  #decryptor: Decryptor | null = null;
  #opened = 0;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  #inner: JsonScanner | null = null;

  /** Opens the chunks that are ready and feeds their text on. */
  async drain(): Promise<void> {
    if (this.#mode !== 'encrypted' || this.#sealed.length === 0) return;
    const first = this.#sealed[0];
    this.#decryptor ??= await Decryptor.open(
      this.#outerHead,
      this.options.passphrase,
      first === undefined || this.#opened > 0
        ? undefined
        : { sealed: first, last: this.#listClosed && this.#sealed.length === 1 },
    );
    this.#inner ??= new JsonScanner(this.plain);
    while (this.#sealed.length > (this.#listClosed ? 0 : 1)) {
      const sealed = this.#sealed.shift() ?? '';
      const last = this.#listClosed && this.#sealed.length === 0;
      const bytes = await this.#decryptor.chunk(sealed, this.#opened, last);
      this.#opened += 1;
      this.#inner.write(decodeInner(this.#decoder, bytes, last));
    }
  }

  async finish(): Promise<ParsedBackup> {
    if (this.#mode === 'encrypted') {
      if (!this.#listClosed) fail('truncated');
      if (this.#opened === 0) {
        await Decryptor.open(this.#outerHead, this.options.passphrase);
        fail('tampered', { chunk: 1 });
      }
      finishScanner(this.#inner ?? new JsonScanner(this.plain), true);
    }
    const { head, version } = this.plain.finish();
    return { version, encrypted: this.encrypted, head, data: this.plain.data };
  }
}

function decodeInner(decoder: TextDecoder, bytes: Uint8Array, last: boolean): string {
  try {
    return decoder.decode(bytes, { stream: !last });
  } catch {
    fail('notUtf8Json');
  }
}

/** Ends a scanner; inside an authenticated encrypted file, a cut is tampering. */
function finishScanner(scanner: JsonScanner, sealed: boolean): void {
  try {
    scanner.finish();
  } catch (error) {
    if (error instanceof JsonShapeError && error.truncated) fail(sealed ? 'tampered' : 'truncated');
    throw error;
  }
}

/**
 * Reads a backup — plain or encrypted, of any readable version — from a stream of text,
 * validating every record; nothing is written. Memory: the validated records (the file's
 * text is never held whole).
 */
export async function readBackup(
  text: ReadableStream<string>,
  options: ReadBackupOptions = {},
): Promise<Outcome<{ backup: ParsedBackup }>> {
  const router = new BackupRouter(options);
  const scanner = new JsonScanner(router);
  const reader = text.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<string>;
      try {
        next = await reader.read();
      } catch {
        fail('notUtf8Json');
      }
      if (next.done) break;
      scanner.write(next.value);
      await router.drain();
    }
    finishScanner(scanner, false);
    await router.drain();
    return { ok: true, backup: await router.finish() };
  } catch (error) {
    void reader.cancel().catch(() => undefined);
    if (error instanceof ImportFailure) return { ok: false, problem: error.problem };
    if (error instanceof JsonShapeError) {
      return { ok: false, problem: { code: 'notJson', params: { at: error.at + 1 } } };
    }
    throw error;
  }
}
