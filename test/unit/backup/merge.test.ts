import { describe, expect, it } from 'vitest';
import { decideMerge, deepEqual, takesIncoming } from '$backup/merge';

const record = (updatedAt: string, name = 'A', extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  updatedAt,
  name,
  ...extra,
});

describe('the merge rule', () => {
  it.each([
    ['only in the file', undefined, record('2026-01-01T00:00:00Z'), 'new', true],
    [
      'identical on both sides',
      record('2026-01-01T00:00:00Z'),
      record('2026-01-01T00:00:00Z'),
      'unchanged',
      false,
    ],
    [
      'newer in the file',
      record('2026-01-01T00:00:00Z'),
      record('2026-01-02T00:00:00Z', 'B'),
      'changed',
      true,
    ],
    [
      'newer in the workspace',
      record('2026-01-02T00:00:00Z', 'B'),
      record('2026-01-01T00:00:00Z'),
      'conflict',
      false,
    ],
    [
      'different but stamped the same (the workspace is kept)',
      record('2026-01-01T00:00:00Z', 'B'),
      record('2026-01-01T00:00:00Z'),
      'conflict',
      false,
    ],
    [
      'newer in the file, written with a time-zone offset',
      record('2026-01-01T10:00:00Z'),
      record('2026-01-01T11:30:00+01:00', 'B'),
      'changed',
      true,
    ],
    [
      'older in the file despite sorting later as text',
      record('2026-01-01T10:00:00Z', 'B'),
      record('2026-01-01T10:30:00+01:00'),
      'conflict',
      false,
    ],
  ])('%s', (_name, existing, incoming, decision, written) => {
    expect(decideMerge(existing, incoming)).toBe(decision);
    expect(takesIncoming(decideMerge(existing, incoming))).toBe(written);
  });

  it('compares records structurally, ignoring key order and absent keys', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ tags: ['x'] }, { tags: ['x', 'y'] })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});
