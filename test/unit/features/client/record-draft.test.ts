import { describe, expect, it } from 'vitest';
import { complaints } from '$features/client/records/complaints';
import { feedback } from '$features/client/records/feedback';
import { interactions } from '$features/client/records/interactions';
import { blankDraft, draftOf, valuesOf } from '$features/client/records/record-draft';

describe('record drafts', () => {
  it.each([
    [interactions.fields, { date: '2025-06-01', kind: 'call', summary: '' }],
    [feedback.fields, { date: '2025-06-01', scale: 'csat', score: '', comment: '' }],
    [complaints.fields, { openedAt: '2025-06-01', severity: 'medium', description: '' }],
  ] as const)(
    'a new record is dated today, with the first choices and empty text',
    (fields, blank) => {
      expect(blankDraft(fields, '2025-06-01')).toEqual(blank);
    },
  );

  it('a record goes to its form as text and comes back with its numbers as numbers', () => {
    const answer = { date: '2025-05-01', scale: 'nps', score: 0, comment: 'Fine' };
    const draft = draftOf(feedback.fields, answer);
    expect(draft).toEqual({ date: '2025-05-01', scale: 'nps', score: '0', comment: 'Fine' });
    expect(valuesOf(feedback.fields, draft)).toEqual(answer);
  });

  it('shows a missing value as an empty box, and takes an empty number box as no number', () => {
    const draft = draftOf(feedback.fields, {
      date: '2025-05-01',
      scale: 'csat',
      score: undefined,
      comment: '',
    });
    expect(draft.score).toBe('');
    expect(valuesOf(feedback.fields, { ...draft, score: '  ' }).score).toBeNaN();
    expect(valuesOf(feedback.fields, { ...draft, score: '4' }).score).toBe(4);
  });

  it('leaves out what the form does not show', () => {
    const complaint = {
      openedAt: '2025-05-02',
      severity: 'high',
      description: 'Late',
      resolvedAt: '2025-05-03',
    };
    expect(Object.keys(draftOf(complaints.fields, complaint))).toEqual([
      'openedAt',
      'severity',
      'description',
    ]);
  });
});
