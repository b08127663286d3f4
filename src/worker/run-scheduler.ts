import type { LockRunner } from './score-lock';
import type { ReportStatus } from './scoring-status';

/** Changes arriving within this many ms are scored together. */
const COALESCE_MS = 15;

/** `settled()` cannot be kept: scoring has stopped for good (the database is going away). */
export class ScoringStoppedError extends Error {
  override name = 'ScoringStoppedError';

  constructor() {
    super('Scoring has stopped: the workspace database is being replaced.');
  }
}

export interface RunSchedulerOptions {
  report: ReportStatus;
  /** Held for the whole run (the cross-tab score lock). */
  withLock: LockRunner;
  /** Defaults to `COALESCE_MS`. */
  coalesceMs?: number;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Decides when a run happens: a burst of requests within `coalesceMs` makes one run, one
 * run at a time (under the lock), and a request that arrives during a run makes another
 * once it ends. Reports `idle` only when settled (no run due or running), `error` when a
 * run fails.
 */
export class RunScheduler {
  readonly #run: () => Promise<void>;
  readonly #report: ReportStatus;
  readonly #withLock: LockRunner;
  readonly #coalesceMs: number;
  #running = false;
  /** A request arrived during the run: run again once it ends. */
  #again = false;
  /** A run's timer is set: the status does not say idle meanwhile. */
  #due = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  /** Callers of `settled()`, kept until a run that began after them ends with none due. */
  #waiters: Waiter[] = [];

  constructor(run: () => Promise<void>, options: RunSchedulerOptions) {
    this.#run = run;
    this.#report = options.report;
    this.#withLock = options.withLock;
    this.#coalesceMs = options.coalesceMs ?? COALESCE_MS;
  }

  /** Asks for a run in `coalesceMs`; another request meanwhile moves it later. */
  schedule(): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#due = true;
    this.#timer = setTimeout(() => {
      this.#due = false;
      void this.#start();
    }, this.#coalesceMs);
  }

  /**
   * Resolves once a run that began after this call has ended with no other run due: that
   * run saw every write made before the call (it skips its work when nothing changed).
   * Rejects with that run's error when it fails and none is due after it, and with
   * `ScoringStoppedError` when the scheduler is, or gets, stopped.
   */
  settled(): Promise<void> {
    if (this.#stopped) return Promise.reject(new ScoringStoppedError());
    const settled = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    // A run already due begins after this call; a running one may not see a write made
    // just before it, so another follows; else ask for one.
    if (this.#due) return settled;
    if (this.#running) this.#again = true;
    else this.schedule();
    return settled;
  }

  /** Stops for good: no run starts after this, and `settled()` rejects. */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#settle((waiter) => waiter.reject(new ScoringStoppedError()));
  }

  async #start(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    let failure: { error: unknown } | null = null;
    try {
      await this.#withLock(this.#run);
    } catch (error) {
      if (this.#stopped) return; // the connection closed under the run: expected
      failure = { error };
      this.#report({
        phase: 'error',
        progress: null,
        error: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.#running = false;
      if (this.#again) {
        this.#again = false;
        this.schedule();
      }
    }
    // Settled only when no other run is already due (a change arrived meanwhile).
    if (this.#due) return;
    if (failure !== null) {
      const { error } = failure;
      this.#settle((waiter) => waiter.reject(error));
      return;
    }
    this.#report({ phase: 'idle', progress: null });
    this.#settle((waiter) => waiter.resolve());
  }

  #settle(each: (waiter: Waiter) => void): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    waiters.forEach(each);
  }
}
