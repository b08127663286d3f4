import { describe, expect, it } from 'vitest';
import { evaluationsKey } from '$db/evaluation-store';

describe('evaluationsKey', () => {
  const a = { id: 'a', updatedAt: '2026-01-01T00:00:00.000Z' };
  const b = { id: 'b', updatedAt: '2026-02-01T00:00:00.000Z' };

  it('is the same for the same evaluations, in whatever order they are read', () => {
    expect(evaluationsKey([a, b])).toBe(evaluationsKey([b, a]));
  });

  it('changes when one is taken, deleted or replaced', () => {
    const key = evaluationsKey([a, b]);
    expect(evaluationsKey([a, b, { id: 'c', updatedAt: b.updatedAt }])).not.toBe(key);
    expect(evaluationsKey([a])).not.toBe(key);
    expect(evaluationsKey([a, { ...b, updatedAt: '2026-03-01T00:00:00.000Z' }])).not.toBe(key);
    expect(evaluationsKey([])).toBe('');
  });
});
