import { FEEDBACK_SCALES } from '$schema/feedback';
import { dateField, selectField, textField, type RecordKindSpec } from './record-kind';

/** Satisfaction (1–5) and recommendation (NPS, 0–10) answers. */
export const feedback: RecordKindSpec<'feedback', 'date' | 'scale' | 'score' | 'comment'> = {
  kind: 'feedback',
  title: 'records.feedback',
  formLabel: 'records.newFeedback',
  rowIdAttribute: 'data-feedback-id',
  fields: [
    dateField('date', 'client.column.date'),
    selectField('scale', 'records.scale', FEEDBACK_SCALES, (s) => `records.scale.${s}`, 'csat'),
    textField('score', 'records.score', 'records.invalid.score', { input: 'integer' }),
    textField('comment', 'records.comment', 'records.invalid.comment'),
  ],
  cells: (row, i18n) => [
    i18n.date(row.date),
    i18n.t(`records.scale.${row.scale}`),
    { text: String(row.score), numeric: true },
    row.comment,
  ],
  deleteQuestion: (row, i18n) =>
    i18n.t('records.deleteQuestion.feedback', { date: i18n.date(row.date) }),
};
