/**
 * Node 20 has no `navigator`, let alone `navigator.locks`, which the scoring service takes
 * its cross-tab lock from. This stand-in grants each name to one holder at a time, in
 * the order asked — all the scoring service relies on — so the production code runs
 * unchanged. A runtime that has Web Locks keeps its own.
 */
export function provideWebLocks(): void {
  if (globalThis.navigator?.locks) return;
  const held = new Map<string, Promise<unknown>>();
  const locks = {
    request<T>(name: string, work: (lock: Lock | null) => T | Promise<T>): Promise<T> {
      const before = held.get(name) ?? Promise.resolve();
      const granted = before.then(() => work({ name, mode: 'exclusive' }));
      // The next holder waits for this one to finish, however it finishes.
      held.set(
        name,
        granted.catch(() => undefined),
      );
      return granted;
    },
  };
  if (globalThis.navigator === undefined) {
    // Only `locks` is read in the code under test.
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
  } else {
    Object.defineProperty(globalThis.navigator, 'locks', { value: locks, configurable: true });
  }
}
