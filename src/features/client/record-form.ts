import { ZodError } from 'zod';

/**
 * The fields a ZodError names, each with the message the caller chooses for it: the
 * forms of the client file show one plain sentence per field, in the user's language.
 */
export function fieldErrors<F extends string>(
  caught: unknown,
  fields: readonly F[],
  message: (field: F) => string,
): Partial<Record<F, string>> {
  if (!(caught instanceof ZodError)) throw caught;
  const errors: Partial<Record<F, string>> = {};
  for (const issue of caught.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && (fields as readonly string[]).includes(field)) {
      errors[field as F] = message(field as F);
    }
  }
  return errors;
}
