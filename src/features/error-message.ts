import { EditConflictError } from '$db/record-edit';
import type { MessageKey } from '$i18n/en';
import type { MessageParams } from '$i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** The name and message of anything thrown; errors crossing the worker keep both. */
function describe(error: unknown): { name: string; message: string } {
  if (error instanceof Error) {
    // Dexie wraps the browser's own error (a full disk is an AbortError around a
    // QuotaExceededError in Chrome): look inside too.
    const inner = (error as { inner?: unknown }).inner; // Dexie errors carry `inner`
    const innerText = inner instanceof Error ? ` ${inner.name} ${inner.message}` : '';
    return { name: error.name, message: `${error.message}${innerText}` };
  }
  return { name: '', message: String(error) };
}

/** The browser refused to store more: the site's storage is full. */
export function isStorageFull(error: unknown): boolean {
  const { name, message } = describe(error);
  return name === 'QuotaExceededError' || /QuotaExceeded/i.test(message);
}

/**
 * This tab's database was closed under it: another tab swapped in a new workspace (an
 * import), and this tab reloads onto it (docs/storage.md, "The workspace pointer").
 */
export function isWorkspaceGone(error: unknown): boolean {
  const { name, message } = describe(error);
  return name === 'DatabaseClosedError' || /DatabaseClosedError/.test(message);
}

/**
 * Any failure in the user's words, never an error's name alone: a full storage says what
 * to do, a workspace replaced by another tab says so, an edit refused because the record
 * changed elsewhere names the fields (`labelOf` words them), anything else "Something went
 * wrong:" with its message.
 */
export function errorMessage(
  error: unknown,
  t: Translate,
  labelOf: (field: string) => string = (field) => field,
): string {
  if (error instanceof EditConflictError) {
    return error.fields.length === 0
      ? t('form.gone')
      : t('form.conflict', { fields: error.fields.map(labelOf).join(t('list.separator')) });
  }
  if (isStorageFull(error)) return t('app.storageFull');
  if (isWorkspaceGone(error)) return t('app.workspaceGone');
  return t('app.error', { message: describe(error).message });
}
