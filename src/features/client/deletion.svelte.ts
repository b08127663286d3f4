/**
 * A delete that asks first and can be undone. `ask` puts the question; `confirm` deletes
 * and keeps the record for an Undo; closing the question any other way deletes nothing.
 * One question and one Undo at a time: a new deletion replaces the previous Undo.
 */
export class Deletion<T> {
  /** The record the open question is about; null when no question is open. */
  asking = $state.raw<T | null>(null);
  /** The last deleted record, until undone or replaced. */
  deleted = $state.raw<T | null>(null);
  /**
   * Why the last delete or Undo failed (the database refused it, say a full disk); null
   * once one succeeds. A failed Undo keeps its record, so it can be tried again.
   */
  failure = $state.raw<string | null>(null);
  readonly #remove: (record: T) => Promise<T | undefined>;
  readonly #restore: (record: T) => Promise<void>;

  /**
   * @param remove deletes a record and gives it back as it was (undefined when it was
   *   already gone, say deleted in another tab: then there is nothing to undo)
   * @param restore puts a deleted record back
   */
  constructor(
    remove: (record: T) => Promise<T | undefined>,
    restore: (record: T) => Promise<void>,
  ) {
    this.#remove = remove;
    this.#restore = restore;
  }

  /** Whether the question is open; closing it (Cancel, Escape) forgets the record. */
  get confirming(): boolean {
    return this.asking !== null;
  }
  set confirming(open: boolean) {
    if (!open) this.asking = null;
  }

  ask = (record: T): void => {
    this.asking = record;
    this.failure = null; // a new question: the last failure's message no longer applies
  };

  confirm = async (): Promise<void> => {
    const record = this.asking;
    this.asking = null;
    if (record === null) return;
    try {
      this.deleted = (await this.#remove(record)) ?? null;
      this.failure = null;
    } catch (error) {
      this.failure = messageOf(error);
    }
  };

  undo = async (): Promise<void> => {
    const record = this.deleted;
    if (record === null) return;
    try {
      await this.#restore(record);
      this.failure = null;
    } catch (error) {
      this.failure = messageOf(error);
      return;
    }
    // A deletion made meanwhile keeps its own Undo.
    if (this.deleted === record) this.deleted = null;
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
