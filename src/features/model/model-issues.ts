import type * as z from 'zod';
import { en, type MessageKey } from '$i18n/en';
import type { MessageParams } from '$i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Where a setting's message goes: its path in the definition, dot-separated. */
export const pathKey = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** The element id of a setting's message, for `aria-describedby`. */
export const errorId = (path: string): string => `model-error-${path.replaceAll('.', '-')}`;

/**
 * One schema issue in the user's language. The model's own rules name a message key
 * (`params.key`); the field checks are told by their kind. Anything else keeps the
 * schema's English text rather than saying nothing.
 */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'custom': {
      const key: unknown = (issue.params as { key?: unknown } | undefined)?.key;
      // `key in en` has just checked that it is a message key.
      return typeof key === 'string' && key in en ? t(key as MessageKey) : issue.message;
    }
    case 'invalid_type':
      return t(issue.expected === 'int' ? 'model.invalid.whole' : 'model.invalid.number');
    case 'too_small':
      if (issue.origin === 'string') return t('model.invalid.name');
      return t(issue.inclusive === false ? 'model.invalid.above' : 'model.invalid.atLeast', {
        min: Number(issue.minimum),
      });
    case 'too_big':
      if (issue.origin === 'string')
        return t('model.invalid.tooLong', { max: Number(issue.maximum) });
      return t(issue.inclusive === false ? 'model.invalid.below' : 'model.invalid.atMost', {
        max: Number(issue.maximum),
      });
    case 'invalid_format':
      return t('model.invalid.colour');
    default:
      return issue.message;
  }
}

/** Every issue's message by the path of the setting it is about, first message first. */
export function messagesByPath(
  issues: readonly z.core.$ZodIssue[],
  t: Translate,
): ReadonlyMap<string, string> {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const path = pathKey(issue.path);
    if (!messages.has(path)) messages.set(path, issueMessage(issue, t));
  }
  return messages;
}
