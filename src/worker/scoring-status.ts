import type { ScoresStamp } from '$db/derived-records';

export type ScoringPhase = 'idle' | 'loading' | 'building' | 'scoring' | 'saving' | 'error';

export interface ScoringStatus {
  phase: ScoringPhase;
  /** How far the current run is, 0–1; null when idle. */
  progress: number | null;
  /** Clients in the last run. */
  clients: number;
  /** Duration of the last completed run, ms. */
  lastRunMs: number | null;
  error: string | null;
  /**
   * The stamp of the scores this worker holds, sent as soon as a run has them (before
   * they are saved): the page's views ask for them at once, and the worker answers from
   * memory. Null until the worker holds scores.
   */
  stamp: ScoresStamp | null;
}

/** How each part of a run says what it is doing: the fields it changes, the rest stays. */
export type ReportStatus = (change: Partial<ScoringStatus>) => void;

/**
 * The scoring status the page shows, and who listens to it. Every part of a run reports
 * into one board, so the page sees a single status however the work is split.
 */
export class ScoringStatusBoard {
  #status: ScoringStatus = {
    phase: 'idle',
    progress: null,
    clients: 0,
    lastRunMs: null,
    error: null,
    stamp: null,
  };
  readonly #listeners = new Set<(status: ScoringStatus) => void>();

  /** Calls `listener` with the status now and after every change. */
  watch(listener: (status: ScoringStatus) => void): void {
    this.#listeners.add(listener);
    listener(this.#status);
  }

  readonly report: ReportStatus = (change) => {
    this.#status = { ...this.#status, ...change };
    for (const listener of this.#listeners) listener(this.#status);
  };
}
