import {
  BACKUP_CLOSING,
  TABLE_CLOSING,
  backupOpening,
  recordSeparator,
  tableOpening,
  type BackupHead,
  type BackupTable,
} from './format';

/** Text is moved into a Blob every this many characters, out of the worker's heap. */
const FLUSH_CHARS = 8_000_000;

/**
 * Writes a backup file as Blob parts, table by table and page by page, so a base of a
 * million records never becomes one string (V8's limit is ≈537 million characters).
 */
export class BackupWriter {
  readonly #parts: Blob[] = [];
  #pending: string[] = [];
  #pendingChars = 0;
  #tables = 0;
  #firstRecord = true;

  constructor(head: BackupHead) {
    this.#push(backupOpening(head));
  }

  /** Starts the list of `table`; records written next belong to it. */
  table(table: BackupTable): void {
    if (this.#tables > 0) this.#push(TABLE_CLOSING);
    this.#push(tableOpening(table, this.#tables === 0));
    this.#tables += 1;
    this.#firstRecord = true;
  }

  /** Appends records to the current table, one JSON object a line. */
  records(rows: readonly unknown[]): void {
    for (const row of rows) {
      this.#push(recordSeparator(this.#firstRecord) + JSON.stringify(row));
      this.#firstRecord = false;
    }
  }

  /** Closes the file and returns it. */
  finish(): Blob {
    if (this.#tables > 0) this.#push(TABLE_CLOSING);
    this.#push(BACKUP_CLOSING);
    this.#flush();
    return new Blob(this.#parts, { type: 'application/json' });
  }

  #push(text: string): void {
    this.#pending.push(text);
    this.#pendingChars += text.length;
    if (this.#pendingChars >= FLUSH_CHARS) this.#flush();
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    this.#parts.push(new Blob(this.#pending));
    this.#pending = [];
    this.#pendingChars = 0;
  }
}
