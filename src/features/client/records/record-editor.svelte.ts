import { errorMessage } from '$features/error-message';
import { ZodError } from 'zod';
import { changedFields } from '$db/record-edit';
import {
  editClientRecord,
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

  /**
   * Saves the form's record; on a refusal nothing is written and `errors` (or `failure`)
   * says why. Editing writes only the fields the user changed, over the record as stored
   * now: what the form does not show (a complaint's resolution, a contact's follow-up
   * date) and what another tab changed meanwhile are kept.
   */
  async save(): Promise<void> {
    const { db, i18n } = this.#services;
    this.failure = '';
    // An empty field the record means nothing without is said before anything else.
    const empty = this.spec.fields.flatMap((field) =>
      field.required && String(this.draft[field.name]).trim() === ''
        ? [[field.name, i18n.t(field.required)] as const]
        : [],
    );
    if (empty.length > 0) {
      this.errors = Object.fromEntries(empty) as Partial<Record<F, string>>; // keyed by the spec's field names
      return;
    }
    const values = valuesOf(this.spec.fields, this.draft);
    try {
      const editing = this.editing;
      if (editing) {
        const opened = valuesOf(this.spec.fields, draftOf(this.spec.fields, editing));
        const changed = changedFields<Record<F, string | number>>(opened, values);
        // The values the user saw are the record's own, not their text.
        const pick = (source: Readonly<Record<F, unknown>>): Partial<RecordOf<K>> =>
          Object.fromEntries(changed.map((f) => [f, source[f]])) as Partial<RecordOf<K>>; // form fields are fields of the record; the schema checks the values
        if (changed.length > 0) {
          const edit = { id: editing.id, before: pick(editing), after: pick(values) };
          await editClientRecord(db, this.spec.kind, edit);
        }
      } else {
        const input = { clientId: this.#clientId(), ...values } as RecordInput<K>; // unchecked until the schema validates it in saveClientRecord
        await saveClientRecord(db, this.spec.kind, input);
      }
      this.reset();
    } catch (caught) {
      if (!(caught instanceof ZodError)) {
        const labelOf = (name: string): string => {
          const field = this.spec.fields.find((f) => f.name === name);
          return field ? i18n.t(field.label) : name;
        };
        this.failure = errorMessage(caught, i18n.t, labelOf);
        return;
      }
      this.errors = fieldErrors(caught, this.spec.fields, i18n.t);
    }
  }
}
