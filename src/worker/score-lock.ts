/** The Web Lock held while scoring or storing the snapshot, across every tab's worker. */
const SCORE_LOCK = 'tierwise:score';

/** Runs work under a lock, one holder at a time (the Web Lock, or a test's stand-in). */
export type LockRunner = <T>(work: () => Promise<T>) => Promise<T>;

/**
 * Runs `work` while no other tab's worker scores or stores the snapshot: one worker does
 * each run's work for every tab, and a snapshot's "is mine newer than the stored one?"
 * check and its write are not interleaved with another worker's.
 */
export const withScoreLock: LockRunner = async (work) =>
  await navigator.locks.request(SCORE_LOCK, work);
