import type { ZodError } from 'zod';
import { issueMessage } from '$features/form-errors';
import type { MessageKey } from '$i18n/en';
import type { MessageParams } from '$i18n/translate';
import type { RecordField } from './record-kind';

/**
 * One plain sentence, in the user's language, for each form field a ZodError names: the
 * issue's own when it names a limit or a date too far ahead, else the field's `invalid`
 * message. Issues about fields the form does not show are left out.
 */
export function fieldErrors<F extends string>(
  error: ZodError,
  fields: readonly RecordField<F>[],
  t: (key: MessageKey, params?: MessageParams) => string,
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {};
  for (const issue of error.issues) {
    const field = fields.find((f) => f.name === issue.path[0]);
    if (!field || errors[field.name] !== undefined) continue;
    const message = issueMessage(issue, t) ?? (field.invalid && t(field.invalid));
    if (message) errors[field.name] = message;
  }
  return errors;
}
