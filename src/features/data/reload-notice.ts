/**
 * A result message that outlives one reload of this tab: an import that swapped in a new
 * database reloads the page onto it (docs/storage.md), and the user should still read
 * what it did. sessionStorage: this tab only, gone with it.
 */
const PREFIX = 'tierwise:after-reload:';

export function keepForReload(key: string, message: string): void {
  sessionStorage.setItem(PREFIX + key, message);
}

/** The message kept under `key`, once (null when none). */
export function takeAfterReload(key: string): string | null {
  const message = sessionStorage.getItem(PREFIX + key);
  sessionStorage.removeItem(PREFIX + key);
  return message;
}
