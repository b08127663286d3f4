/**
 * The name of the workspace database this browser last opened, kept in `localStorage`
 * (key `tierwise-workspace`) only as a hint: a start reads the first view's records from
 * it while the workspace pointer, the authority, is still being read, instead of after.
 * Nothing is read from a hinted database that the pointer does not confirm (see
 * `readFirstOf`); a stale or missing hint only costs that head start.
 */
const HINT_KEY = 'tierwise-workspace';

export function workspaceHint(): string | null {
  try {
    return localStorage.getItem(HINT_KEY);
  } catch {
    return null; // storage disabled: no head start
  }
}

export function rememberWorkspace(name: string): void {
  try {
    if (localStorage.getItem(HINT_KEY) !== name) localStorage.setItem(HINT_KEY, name);
  } catch {
    // storage disabled or full: the next start reads the pointer first, as without a hint
  }
}
