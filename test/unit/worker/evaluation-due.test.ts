import { describe, expect, it } from 'vitest';
import { addMonths, evaluationDue, nextEvaluationDay } from '$worker/evaluation-due';

describe('evaluation periods', () => {
  it('add calendar months, keeping to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('say when the next automatic evaluation is due', () => {
    expect(nextEvaluationDay('weekly', '2026-12-01')).toBe('2026-12-08');
    expect(nextEvaluationDay('monthly', '2026-12-01')).toBe('2027-01-01');
    expect(nextEvaluationDay('quarterly', '2026-12-01')).toBe('2027-03-01');
    expect(nextEvaluationDay('off', '2026-12-01')).toBeNull();
  });

  it('are due with none taken yet, once the period has passed, never when off', () => {
    expect(evaluationDue('monthly', undefined, '2026-12-01')).toBe(true);
    expect(evaluationDue('monthly', '2026-11-02', '2026-12-01')).toBe(false);
    expect(evaluationDue('monthly', '2026-11-01', '2026-12-01')).toBe(true);
    expect(evaluationDue('weekly', '2026-11-25', '2026-12-01')).toBe(false);
    expect(evaluationDue('weekly', '2026-11-24', '2026-12-01')).toBe(true);
    // Closed for seven months: due once (the caller takes one, for now).
    expect(evaluationDue('quarterly', '2026-05-01', '2026-12-01')).toBe(true);
    expect(evaluationDue('off', undefined, '2026-12-01')).toBe(false);
  });
});
