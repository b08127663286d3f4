import type { RecordField } from './record-kind';

/**
 * A record's form holds every value as the text its input shows; these turn records
 * into such drafts and back. What comes back is unchecked: saving validates it.
 */
export type Draft<F extends string> = Record<F, string>;

/** The form of a new record dated `today` (YYYY-MM-DD). */
export function blankDraft<F extends string>(
  fields: readonly RecordField<F>[],
  today: string,
): Draft<F> {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.input === 'date' ? today : f.input === 'select' ? f.initial : '']),
  ) as Draft<F>; // one entry per field name
}

/** The form of an existing record. */
export function draftOf<F extends string>(
  fields: readonly RecordField<F>[],
  record: Readonly<Record<F, unknown>>,
): Draft<F> {
  return Object.fromEntries(
    fields.map((f) => [f.name, record[f.name] === undefined ? '' : String(record[f.name])]),
  ) as Draft<F>; // one entry per field name
}

/**
 * The fields a form describes. An empty number box is no number at all, not 0: NaN, which
 * the schema refuses.
 */
export function valuesOf<F extends string>(
  fields: readonly RecordField<F>[],
  draft: Draft<F>,
): Record<F, string | number> {
  return Object.fromEntries(
    fields.map((f) => {
      const text = draft[f.name];
      return [f.name, f.input !== 'integer' ? text : text.trim() === '' ? NaN : Number(text)];
    }),
  ) as Record<F, string | number>; // one entry per field name
}
