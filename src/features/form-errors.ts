import type { ZodError } from 'zod';
import type { MessageKey } from '$i18n/en';
import type { MessageParams } from '$i18n/translate';
import { FAR_FUTURE } from '$schema/far-future';

type Issue = ZodError['issues'][number];
type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * An issue in the user's words when it says more than the field's own message can: a
 * length limit (with the limit), too many items, a date too far ahead. Undefined for
 * the rest, which the field's own message describes best.
 */
export function issueMessage(issue: Issue, t: Translate): string | undefined {
  if (issue.code === 'custom' && issue.params?.['reason'] === FAR_FUTURE) {
    return t('form.invalid.farFuture');
  }
  if (issue.code === 'too_big' && issue.origin === 'string') {
    const max = Number(issue.maximum);
    // A path of two parts is an item of a list: one tag of the tags.
    return t(issue.path.length > 1 ? 'form.invalid.itemTooLong' : 'form.invalid.tooLong', { max });
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return t('form.invalid.tooMany', { max: Number(issue.maximum) });
  }
  return undefined;
}

/**
 * A message for every field a refusal names, so that nothing is refused in silence: the
 * issue's own words (`issueMessage`), else the field's (`fieldMessage`). Issues about
 * fields the form does not show are gathered under `''`, naming the field, for the form
 * to show once.
 */
export function formErrors<F extends string>(
  error: ZodError,
  shown: readonly F[],
  fieldMessage: (field: F) => string,
  t: Translate,
): Partial<Record<F | '', string>> {
  const errors: Partial<Record<F | '', string>> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? '');
    const field = shown.find((f) => f === name);
    if (field === undefined) {
      errors[''] ??= t('form.invalid.other', { field: name, message: issue.message });
      continue;
    }
    errors[field] ??= issueMessage(issue, t) ?? fieldMessage(field);
  }
  return errors;
}
