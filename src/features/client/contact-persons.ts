import type { ZodError } from 'zod';
import { issueMessage } from '$features/form-errors';
import type { MessageKey } from '$i18n/en';
import type { MessageParams } from '$i18n/translate';
import type { ContactPerson } from '$schema/client';

/** The inputs of one contact person in the profile form. */
export const CONTACT_FIELDS = ['name', 'role', 'email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** A contact person as the form holds it: texts, and whether it is the primary one. */
export type ContactDraft = Record<ContactField, string> & { primary: boolean };

/** The form's contact persons of a client (none stored: none). */
export function contactDrafts(people: readonly ContactPerson[] | undefined): ContactDraft[] {
  return (people ?? []).map((p) => ({ ...p }));
}

/** A new contact person; the first one a client gets is its primary one. */
export function addContact(drafts: readonly ContactDraft[]): ContactDraft[] {
  return [...drafts, { name: '', role: '', email: '', phone: '', primary: drafts.length === 0 }];
}

/** Without the one at `index`; when that was the primary one, the first left becomes it. */
export function removeContact(drafts: readonly ContactDraft[], index: number): ContactDraft[] {
  const left = drafts.filter((_, i) => i !== index);
  if (left.length > 0 && !left.some((p) => p.primary)) left[0] = { ...left[0]!, primary: true };
  return left;
}

/** The contact persons to store: trimmed, absent when there are none (as never set). */
export function contactsOf(drafts: readonly ContactDraft[]): ContactPerson[] | undefined {
  if (drafts.length === 0) return undefined;
  return drafts.map((p) => ({
    name: p.name.trim(),
    role: p.role.trim(),
    email: p.email.trim(),
    phone: p.phone.trim(),
    primary: p.primary,
  }));
}

const MESSAGES: Record<ContactField, MessageKey> = {
  name: 'contacts.invalid.name',
  role: 'contacts.invalid.other',
  email: 'contacts.invalid.email',
  phone: 'contacts.invalid.other',
};

/**
 * What is wrong with each contact person's inputs, keyed `index.field`, in plain words;
 * under `''` what is wrong with the list as a whole (no primary one, too many).
 */
export function contactErrors(
  error: ZodError,
  t: (key: MessageKey, params?: MessageParams) => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.path[0] !== 'contacts') continue;
    const [, index, field] = issue.path;
    if (typeof index === 'number' && typeof field === 'string' && field in MESSAGES) {
      errors[`${index}.${field}`] ??= issueMessage(issue, t) ?? t(MESSAGES[field as ContactField]); // checked by `in` just before
    } else {
      errors[''] ??= issueMessage(issue, t) ?? t('contacts.invalid.primary');
    }
  }
  return errors;
}
