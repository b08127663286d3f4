import { describe, expect, it } from 'vitest';
import { completeFormSchema } from '$features/today/follow-up-forms';
import { snoozeUntil } from '$features/today/snooze-presets';

describe('snoozeUntil', () => {
  it.each([
    ['tomorrow', '2026-12-01'],
    ['threeDays', '2026-12-03'],
    ['nextWeek', '2026-12-07'],
    ['nextCycle', '2027-01-29'],
  ] as const)('%s from 2026-11-30, a 60-day cadence: %s', (preset, until) => {
    expect(snoozeUntil(preset, '2026-11-30', 60)).toBe(until);
  });
});

describe('the form that completes a follow-up', () => {
  const schema = completeFormSchema('2026-11-30');
  const form = { kind: 'call', summary: 'Spoke', followUpDate: '', scale: 'csat', score: '' };

  it('takes a note alone: no next date, no answer', () => {
    expect(schema.parse(form)).toEqual({
      kind: 'call',
      summary: 'Spoke',
      followUpDate: undefined,
      scale: 'csat',
      score: undefined,
    });
  });

  it('takes a next date after today and an answer on its scale', () => {
    const parsed = schema.parse({ ...form, followUpDate: '2026-12-15', scale: 'nps', score: '9' });
    expect([parsed.followUpDate, parsed.score]).toEqual(['2026-12-15', 9]);
  });

  it.each([
    ['a next date of today', { followUpDate: '2026-11-30' }, 'followUpDate'],
    ['a date that does not exist', { followUpDate: '2026-02-30' }, 'followUpDate'],
    ['a satisfaction of 6', { score: '6' }, 'score'],
    ['a recommendation of 11', { scale: 'nps', score: '11' }, 'score'],
    ['a score in words', { score: 'good' }, 'score'],
  ])('refuses %s, naming the field', (_what, change, field) => {
    const result = schema.safeParse({ ...form, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
