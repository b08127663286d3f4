/** The Web Lock each tab that edits holds, shared, for as long as its worker lives. */
const EDITOR_LOCK = 'tierwise:editor';

/**
 * Which tabs edit. A tab that only lists leaves scoring to one that edits: that tab holds
 * the snapshot and the fitted models in memory and scores an edit in a few hundred
 * milliseconds, where a listing tab would first load tens of megabytes (seconds at scale)
 * and hold the score lock meanwhile, so the edit's own tab waits.
 */
export interface Editors {
  /** This tab edits from now on. */
  join(): void;
  /** Whether another tab edits. */
  elsewhere(): Promise<boolean>;
}

/** Editors known through a shared Web Lock, which the browser frees when a tab closes. */
export function webLockEditors(): Editors {
  let joined = false;
  return {
    join(): void {
      if (joined) return;
      joined = true;
      // Held until the worker ends: the work is a promise that never settles.
      void navigator.locks.request(EDITOR_LOCK, { mode: 'shared' }, () => new Promise(() => {}));
    },
    async elsewhere(): Promise<boolean> {
      const { held = [] } = await navigator.locks.query();
      const editors = held.filter((lock) => lock.name === EDITOR_LOCK).length;
      return editors > (joined ? 1 : 0);
    },
  };
}
