import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { refuseFarFuture } from '$schema/common';
import { isZodError } from '$schema/zod-error';

describe('isZodError', () => {
  it('tells a refusal thrown by parse', () => {
    const result = z.object({ name: z.string().min(1) }).safeParse({ name: '' });
    expect(result.success).toBe(false);
    expect(isZodError(result.error)).toBe(true);
  });

  it('tells a refusal made from issues, as the far-future check makes it', () => {
    let caught: unknown;
    try {
      refuseFarFuture({ date: '9999-12-31' }, ['date'], new Date('2026-12-01T00:00:00Z'));
    } catch (error) {
      caught = error;
    }
    expect(caught instanceof z.ZodError).toBe(true);
    expect(isZodError(caught)).toBe(true);
  });

  it('is false for anything else', () => {
    expect(isZodError(new Error('disk full'))).toBe(false);
    expect(isZodError({ name: 'ZodError' })).toBe(false);
    expect(isZodError('ZodError')).toBe(false);
    expect(isZodError(null)).toBe(false);
    expect(isZodError(undefined)).toBe(false);
  });
});
