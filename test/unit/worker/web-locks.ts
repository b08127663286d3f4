/**
 * Node 20 has no `navigator`, let alone `navigator.locks`, which the scoring service takes
 * its cross-tab locks from. This stand-in grants an exclusive lock to one holder at a time,
 * in the order asked, and a shared one at once, and lists the locks held (`query`) — all
 * the scoring service relies on — so the production code runs unchanged. A runtime that
 * has Web Locks keeps its own.
 */
export function provideWebLocks(): void {
  if (globalThis.navigator?.locks) return;
  const queues = new Map<string, Promise<unknown>>();
  const held: LockInfo[] = [];
  const hold = async <T>(info: LockInfo, work: () => T | Promise<T>): Promise<T> => {
    held.push(info);
    try {
      return await work();
    } finally {
      held.splice(held.indexOf(info), 1);
    }
  };
  type Work<T> = (lock: Lock | null) => T | Promise<T>;
  const locks = {
    request<T>(name: string, second: LockOptions | Work<T>, third?: Work<T>): Promise<T> {
      const work = typeof second === 'function' ? second : third;
      const mode = typeof second === 'function' ? 'exclusive' : (second.mode ?? 'exclusive');
      if (work === undefined) throw new TypeError('a lock request needs work to run');
      const info: LockInfo = { name, mode };
      if (mode === 'shared') return hold(info, () => work({ name, mode }));
      const before = queues.get(name) ?? Promise.resolve();
      const granted = before.then(() => hold(info, () => work({ name, mode })));
      // The next holder waits for this one to finish, however it finishes.
      queues.set(
        name,
        granted.catch(() => undefined),
      );
      return granted;
    },
    query(): Promise<LockManagerSnapshot> {
      return Promise.resolve({ held: [...held], pending: [] });
    },
  };
  if (globalThis.navigator === undefined) {
    // Only `locks` is read in the code under test.
    Object.defineProperty(globalThis, 'navigator', { value: { locks }, configurable: true });
  } else {
    Object.defineProperty(globalThis.navigator, 'locks', { value: locks, configurable: true });
  }
}
