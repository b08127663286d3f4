import { COMPLAINT_SEVERITIES, type Complaint } from '$schema/complaint';
import { dateField, selectField, textField, type RecordKindSpec } from './record-kind';

/** Complaints: open until resolved; an open one weighs on loyalty. */
export const complaints: RecordKindSpec<'complaints', 'openedAt' | 'severity' | 'description'> = {
  kind: 'complaints',
  title: 'records.complaints',
  formLabel: 'records.newComplaint',
  rowIdAttribute: 'data-complaint-id',
  fields: [
    dateField('openedAt', 'records.opened'),
    selectField(
      'severity',
      'records.severity',
      COMPLAINT_SEVERITIES,
      (s) => `records.severity.${s}`,
      'medium',
    ),
    textField('description', 'records.description', 'records.invalid.summary', {
      required: 'records.required.description',
    }),
  ],
  // The resolution's cell has a button: the client file draws it.
  cells: (row, i18n) => [
    i18n.date(row.openedAt),
    i18n.t(`records.severity.${row.severity}`),
    row.description,
  ],
  deleteQuestion: (row, i18n) =>
    i18n.t('records.deleteQuestion.complaints', { date: i18n.date(row.openedAt) }),
};

/** The day `complaint` is resolved when resolved `today`: its opening day if later (a clock behind). */
export function resolvedOn(complaint: Complaint, today: string): string {
  return today < complaint.openedAt ? complaint.openedAt : today;
}
