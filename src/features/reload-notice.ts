/**
 * A result message that outlives one reload of this tab: an import that swapped in a new
 * database reloads the page onto it (docs/storage.md), and the user should still read
 * what it did — or, when another tab's import swapped the workspace away under this
 * one's, that this one did not happen. sessionStorage: this tab only, gone with it.
 */
const PREFIX = 'tierwise:after-reload:';

export interface KeptNotice {
  message: string;
  /** Whether it tells of a failure. */
  failed: boolean;
}

export function keepForReload(key: string, message: string, failed = false): void {
  sessionStorage.setItem(PREFIX + key, JSON.stringify({ message, failed } satisfies KeptNotice));
}

/** The notice kept under `key`, once (null when none). */
export function takeAfterReload(key: string): KeptNotice | null {
  const kept = sessionStorage.getItem(PREFIX + key);
  sessionStorage.removeItem(PREFIX + key);
  if (kept === null) return null;
  try {
    const notice = JSON.parse(kept) as Partial<KeptNotice>; // written by keepForReload
    return typeof notice.message === 'string'
      ? { message: notice.message, failed: notice.failed === true }
      : null;
  } catch {
    return null;
  }
}
