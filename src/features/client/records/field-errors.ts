import type { ZodError } from 'zod';
import type { MessageKey } from '$i18n/en';
import type { RecordField } from './record-kind';

/**
 * One plain sentence, in the user's language, for each form field a ZodError names: the
 * field's own `invalid` message. Issues about fields the form does not show are left out.
 */
export function fieldErrors<F extends string>(
  error: ZodError,
  fields: readonly RecordField<F>[],
  t: (key: MessageKey) => string,
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = fields.find((f) => f.name === issue.path[0]);
    if (field?.invalid) errors[field.name] = t(field.invalid);
  }
  return errors;
}
