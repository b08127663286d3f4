import { INTERACTION_KINDS } from '$schema/interaction';
import { dateField, selectField, textField, type RecordKindSpec } from './record-kind';

/** Calls, emails, meetings and notes (the follow-up date is kept but not edited here). */
export const interactions: RecordKindSpec<'interactions', 'date' | 'kind' | 'summary'> = {
  kind: 'interactions',
  title: 'records.contacts',
  formLabel: 'records.newContact',
  rowIdAttribute: 'data-interaction-id',
  fields: [
    dateField('date', 'client.column.date'),
    selectField('kind', 'records.kind', INTERACTION_KINDS, (k) => `records.kind.${k}`, 'call'),
    textField('summary', 'records.summary', 'records.invalid.summary'),
  ],
  cells: (row, i18n) => [i18n.date(row.date), i18n.t(`records.kind.${row.kind}`), row.summary],
  deleteQuestion: (row, i18n) =>
    i18n.t('records.deleteQuestion.interactions', {
      kind: i18n.t(`records.kind.${row.kind}`),
      date: i18n.date(row.date),
    }),
};
