import { ZodError } from 'zod';
import {
  saveClientRecord,
  type RecordInput,
  type RecordKind,
  type RecordOf,
} from '$db/client-records';
import type { AppServices } from '$features/context';
import type { ClientId } from '$schema/common';
import { blankDraft, draftOf, valuesOf, type Draft } from './record-draft';
import type { RecordKindSpec } from './record-kind';
import { fieldErrors } from './field-errors';

/**
 * The add-or-edit form of one kind of client record: its values as text, the record
 * being edited (null when adding one), and what went wrong with the last save.
 */
export class RecordEditor<K extends RecordKind, F extends keyof RecordOf<K> & string> {
  readonly spec: RecordKindSpec<K, F>;
  readonly #services: Pick<AppServices, 'db' | 'i18n' | 'today'>;
  readonly #clientId: () => ClientId;

  draft: Draft<F>;
  editing = $state.raw<RecordOf<K> | null>(null);
  errors = $state<Partial<Record<F, string>>>({});
  /** A failure that is no field's fault (a full disk, say), in words. */
  failure = $state('');

  constructor(
    spec: RecordKindSpec<K, F>,
    services: Pick<AppServices, 'db' | 'i18n' | 'today'>,
    clientId: () => ClientId,
  ) {
    this.spec = spec;
    this.#services = services;
    this.#clientId = clientId;
    this.draft = $state(blankDraft(spec.fields, services.today()));
  }

  edit(row: RecordOf<K>): void {
    this.editing = row;
    this.draft = draftOf(this.spec.fields, row);
    this.errors = {};
    this.failure = '';
  }

  /** Back to adding. The selects keep their choice: the next record is often alike. */
  reset(): void {
    const blank = blankDraft(this.spec.fields, this.#services.today());
    for (const field of this.spec.fields) {
      if (field.input === 'select') blank[field.name] = this.draft[field.name];
    }
    this.draft = blank;
    this.editing = null;
    this.errors = {};
    this.failure = '';
  }

  /** Saves the form's record; on a refusal nothing is written and `errors` says why. */
  async save(): Promise<void> {
    const { db, i18n } = this.#services;
    this.failure = '';
    // Editing keeps what the form does not show: a complaint's resolution, a contact's
    // follow-up date.
    const input = {
      ...(this.editing ?? {}),
      clientId: this.#clientId(),
      ...valuesOf(this.spec.fields, this.draft),
    } as RecordInput<K>; // unchecked until the schema validates it in saveClientRecord
    try {
      await saveClientRecord(db, this.spec.kind, input);
      this.reset();
    } catch (caught) {
      if (!(caught instanceof ZodError)) {
        this.failure = i18n.t('app.error', {
          message: caught instanceof Error ? caught.message : String(caught),
        });
        return;
      }
      this.errors = fieldErrors(caught, this.spec.fields, i18n.t);
    }
  }
}
