import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { EditConflictError } from '$db/record-edit';
import { errorMessage } from '$features/error-message';
import { en } from '$i18n/en';
import { translate } from '$i18n/translate';

const t = (key: keyof typeof en, params?: Record<string, string | number>) =>
  translate(en, key, params);

const named = (name: string, message = ''): Error => Object.assign(new Error(message), { name });

describe('a failure in words', () => {
  it('says the storage is full, whatever wraps the browser’s error', () => {
    expect(errorMessage(named('QuotaExceededError'), t)).toBe(en['app.storageFull']);
    const wrapped = new Dexie.AbortError('Transaction aborted', named('QuotaExceededError'));
    expect(errorMessage(wrapped, t)).toBe(en['app.storageFull']);
    // As it arrives from the worker: name and message only.
    expect(errorMessage(named('AbortError', 'QuotaExceededError: quota exceeded'), t)).toBe(
      en['app.storageFull'],
    );
    expect(errorMessage(wrapped, t)).not.toContain('QuotaExceededError');
  });

  it('says another tab replaced the workspace', () => {
    expect(errorMessage(named('DatabaseClosedError', 'Database has been closed'), t)).toBe(
      en['app.workspaceGone'],
    );
  });

  it('names the fields changed elsewhere, in the form’s words', () => {
    const message = errorMessage(new EditConflictError(['phone', 'company']), t, (f) =>
      f === 'phone' ? 'Phone' : 'Company',
    );
    expect(message).toContain('Phone, Company');
    expect(errorMessage(new EditConflictError([]), t)).toBe(en['form.gone']);
  });

  it('gives anything else with its message', () => {
    expect(errorMessage(new Error('boom'), t)).toBe('Something went wrong: boom');
    expect(errorMessage('plain', t)).toBe('Something went wrong: plain');
  });
});
