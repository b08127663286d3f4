import type { RecordKind, RecordOf } from '$db/client-records';
import type { MessageKey } from '$i18n/en';
import type { I18n } from '$i18n/i18n.svelte';

/**
 * One input of a record's form, named after the record's field it edits. A new record's
 * date is today, a select starts on `initial`, any other input empty.
 */
export type RecordField<F extends string> = {
  name: F;
  label: MessageKey;
  /**
   * What to say when the schema refuses the field. A select has none: it offers only
   * values the schema accepts.
   */
  invalid?: MessageKey;
  /** What to say when the field is left empty, for a field a record means nothing without. */
  required?: MessageKey;
} & (
  | { input: 'date' | 'text' | 'integer' }
  | {
      input: 'select';
      options: readonly { value: string; label: MessageKey }[];
      initial: string;
    }
);

/** A cell of a record's row, as text; `numeric` ones are aligned as numbers. */
export type RecordCell = string | { text: string; numeric: true };

/**
 * What one kind of client record (contacts, feedback, complaints) is to the client file:
 * everything the generic card does not know. The schema behind `kind` validates on save.
 */
export interface RecordKindSpec<
  K extends RecordKind,
  F extends keyof RecordOf<K> & string = keyof RecordOf<K> & string,
> {
  kind: K;
  /** The card's heading. */
  title: MessageKey;
  /** The form's accessible name. */
  formLabel: MessageKey;
  /** The data attribute that carries a row's id in the list. */
  rowIdAttribute: `data-${string}-id`;
  /** The form's inputs; the record's other fields are kept as they are when editing. */
  fields: readonly RecordField<F>[];
  /** The row's cells in the list, in the user's language. */
  cells(row: RecordOf<K>, i18n: Pick<I18n, 't' | 'date'>): RecordCell[];
  /** The question asked before deleting `row`, naming it well enough to be sure. */
  deleteQuestion(row: RecordOf<K>, i18n: Pick<I18n, 't' | 'date'>): string;
}

/** A date input; a new record's is today. */
export function dateField<F extends string>(name: F, label: MessageKey): RecordField<F> {
  return { name, label, input: 'date', invalid: 'records.invalid.date' };
}

/**
 * A line of text, or (`integer`) a whole number typed as text; `required` says what to
 * say when it is left empty (the schema accepts an empty text, the form does not).
 */
export function textField<F extends string>(
  name: F,
  label: MessageKey,
  invalid: MessageKey,
  { input = 'text', required }: { input?: 'text' | 'integer'; required?: MessageKey } = {},
): RecordField<F> {
  return { name, label, input, invalid, ...(required ? { required } : {}) };
}

/** A select over `values`, each shown as the message `labelOf` gives it. */
export function selectField<F extends string, T extends string>(
  name: F,
  label: MessageKey,
  values: readonly T[],
  labelOf: (value: T) => MessageKey,
  initial: NoInfer<T>,
): RecordField<F> {
  const options = values.map((value) => ({ value, label: labelOf(value) }));
  return { name, label, input: 'select', options, initial };
}
