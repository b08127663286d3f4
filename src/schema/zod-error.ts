import type { ZodError } from 'zod';

/**
 * Whether `error` is zod's refusal, told without loading zod: `instanceof ZodError` would
 * put zod in the code a start runs (see `startChunk` in vite.config.ts). Zod names its
 * errors `ZodError` and gives them their issues, whether `parse` threw them or they were
 * made with `new ZodError(issues)`.
 */
export function isZodError(error: unknown): error is ZodError {
  if (typeof error !== 'object' || error === null) return false;
  const named = error as { name?: unknown; issues?: unknown }; // an object: read its two fields
  return named.name === 'ZodError' && Array.isArray(named.issues);
}
