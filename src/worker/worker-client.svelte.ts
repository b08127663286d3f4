import * as Comlink from 'comlink';
import type { ScoringDefinition } from '$schema/scoring-model';
import type { DashboardData } from './dashboard';
import type { TodayData } from '$db/today-record';
import type { ClientFollowUp } from './today';
import type { ModelPreview } from './model-preview';
import type { BackupPreview, ExportOptions, ImportMode, Outcome, Written } from './backup-service';
import type {
  CsvKind,
  CsvMapping,
  CsvPreview,
  CsvReport,
  CsvWritten,
  CsvCheckOptions,
  RejectedCsvLabels,
} from './csv-service';
import type { ScoringStatus } from './scoring-service';
import type { ScoresStamp } from '$db/derived-records';
import type { ClientQuery, ExportLabels } from './client-list';
import type { ListHandle, ListRow } from './list-service';
import type { ClientScores } from './client-scores';
import type { DatasetLoaded, DatasetSize, TierwiseWorkerApi } from './tierwise.worker';
import type { EvaluationOutcome } from './evaluation-service';
import type { HistoryComparison, TimelinePoint } from './history-service';
import type { MovementScheme } from '$engine/index';
import type { SegmentRequest, SegmentsData } from './segments-service';
import type { MergeOutcome, QualityScore, QualityView } from './quality-service';
import type { CsvDecisions } from './csv-matching';

/**
 * The page's handle on the worker. Every heavy job runs there; this class only forwards
 * calls and tracks whether a job is running, so the page can show progress and hold
 * back a reload (an update must never cut a write in half).
 *
 * The worker starts on the first call, or on `start()`: not with the page. Starting it
 * means compiling and running half a megabyte of code and reading the scores, which on a
 * two-core machine takes the CPU from the page's first paint (by 200–300 ms at 50,000
 * clients); the views paint what was saved for them first and call the worker after.
 */
export class WorkerClient {
  /** Jobs running now. */
  running = $state(0);
  /** Rows written by the current job, for progress bars; null when nothing reports. */
  progress = $state<number | null>(null);
  /** What `progress` counts up to, when known. */
  progressTotal = $state<number | null>(null);

  /** What the scoring worker is doing; null until it first reports. */
  scoring = $state.raw<ScoringStatus | null>(null);
  /**
   * The stamp of the newest scores the worker holds (`ScoringStatus.stamp`), replaced only
   * when they change: views that watch it ask again for new scores, not for progress.
   */
  scoresStamp = $state.raw<ScoresStamp | null>(null);

  readonly #databaseName: string;
  #started: Comlink.Remote<TierwiseWorkerApi> | undefined;
  #onStart: (() => void)[] = [];
  /** Called once no job runs. */
  #idle: (() => void)[] = [];

  /**
   * @param databaseName the workspace's database (the worker's name carries it, so the
   *   worker opens it from its first line on)
   */
  constructor(databaseName: string) {
    this.#databaseName = databaseName;
  }

  /** Starts the worker, unless a call already has. */
  start(): void {
    void this.#remote;
  }

  /** Runs `then` once the worker has started (at once if it has), without starting it. */
  afterStart(then: () => void): void {
    if (this.#started) then();
    else this.#onStart.push(then);
  }

  get #remote(): Comlink.Remote<TierwiseWorkerApi> {
    if (this.#started) return this.#started;
    const worker = new Worker(new URL('./tierwise.worker.ts', import.meta.url), {
      type: 'module',
      name: this.#databaseName,
    });
    const remote = Comlink.wrap<TierwiseWorkerApi>(worker);
    this.#started = remote;
    void remote.watchScoring(
      Comlink.proxy((status: ScoringStatus) => {
        this.scoring = status;
        if (status.stamp?.computedAt !== this.scoresStamp?.computedAt) {
          this.scoresStamp = status.stamp;
        }
      }),
    );
    for (const then of this.#onStart.splice(0)) then();
    return remote;
  }

  get busy(): boolean {
    return this.running > 0;
  }

  /** Resolves once no job runs (at once when none does). */
  whenIdle(): Promise<void> {
    if (this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Fills an empty workspace with a generated dataset, dated up to `asOf`. */
  loadSampleData(asOf: string, size: DatasetSize = 'sample'): Promise<DatasetLoaded> {
    return this.#track(() =>
      this.#remote.loadSampleData(
        asOf,
        size,
        Comlink.proxy((rows: number) => {
          this.progress = rows;
        }),
      ),
    );
  }

  /**
   * Scores the data with a candidate model in the worker and summarises what would
   * change. Read-only, so it does not count as a running job.
   */
  previewModel(definition: ScoringDefinition): Promise<ModelPreview | null> {
    return this.#remote.previewModel(definition);
  }

  /**
   * Clusters the clients in the worker (Segments). Read-only, so it does not count as a
   * running job; `onProgress` hears of each step (each k tried).
   */
  segments(
    request: SegmentRequest,
    computedAt: string,
    onProgress: (done: number, total: number) => void,
  ): Promise<SegmentsData | null> {
    return this.#remote.segments(request, computedAt, Comlink.proxy(onProgress));
  }

  /** Tags every client of one cluster of the last segmentation, in one transaction. */
  saveSegmentTag(
    runId: number,
    cluster: number,
    tag: string,
  ): Promise<{ tagged: number; already: number } | null> {
    return this.#track(() => this.#remote.saveSegmentTag(runId, cluster, tag));
  }

  /** Lists the clients matching `query`, sorted, in the worker (see `ListService`). */
  openList(query: ClientQuery, locale: string, computedAt: string): Promise<ListHandle | null> {
    return this.#remote.openList(query, locale, computedAt);
  }

  /** Some rows of a list the worker holds; null once it no longer holds it. */
  listRows(listId: number, from: number, to: number): Promise<ListRow[] | null> {
    return this.#remote.listRows(listId, from, to);
  }

  exportClientsCsv(
    query: ClientQuery,
    locale: string,
    computedAt: string,
    labels: ExportLabels,
  ): Promise<string> {
    return this.#remote.exportClientsCsv(query, locale, computedAt, labels);
  }

  /** The workspace as a backup file and the name to save it under. */
  exportBackup(options: ExportOptions): Promise<{ blob: Blob; fileName: string }> {
    return this.#track(() => this.#remote.exportBackup(options, this.#progress()));
  }

  /** Reads and checks a backup file in the worker; nothing is written. */
  inspectBackup(
    file: File,
    passphrase?: string,
  ): Promise<Outcome<{ token: string; preview: BackupPreview }>> {
    // Comlink's types split the union into a union of promises; the value is one promise.
    return this.#track(
      () =>
        this.#remote.inspectBackup(file, passphrase, this.#progress()) as Promise<
          Outcome<{ token: string; preview: BackupPreview }>
        >,
    );
  }

  applyBackup(token: string, mode: ImportMode): Promise<Outcome<Written>> {
    return this.#track(
      () => this.#remote.applyBackup(token, mode, this.#progress()) as Promise<Outcome<Written>>, // as above
    );
  }

  discardBackup(): Promise<void> {
    return this.#remote.discardBackup();
  }

  previewCsv(file: File, kind: CsvKind): Promise<Outcome<{ preview: CsvPreview }>> {
    // As above: one promise of the union.
    return this.#track(
      () => this.#remote.previewCsv(file, kind) as Promise<Outcome<{ preview: CsvPreview }>>,
    );
  }

  dryRunCsv(
    file: File,
    kind: CsvKind,
    mapping: CsvMapping,
    reading: CsvCheckOptions,
  ): Promise<Outcome<{ report: CsvReport }>> {
    return this.#track(
      () =>
        this.#remote.dryRunCsv(file, kind, mapping, reading, this.#progress()) as Promise<
          Outcome<{ report: CsvReport }>
        >, // as above
    );
  }

  rejectedCsv(token: string, labels: RejectedCsvLabels): Promise<string | null> {
    return this.#remote.rejectedCsv(token, labels);
  }

  applyCsv(token: string): Promise<Outcome<CsvWritten>> {
    return this.#track(
      () => this.#remote.applyCsv(token, this.#progress()) as Promise<Outcome<CsvWritten>>, // as above
    );
  }

  /** Answers the last dry run's matches and ambiguous names before `applyCsv`. */
  decideCsv(token: string, decisions: CsvDecisions): Promise<boolean> {
    return this.#remote.decideCsv(token, decisions);
  }

  discardCsv(): Promise<void> {
    return this.#remote.discardCsv();
  }

  /** The data-quality report as of `today`; read-only, not a job. */
  qualityReport(today: string): Promise<QualityView> {
    return this.#remote.qualityReport(today);
  }

  /** The data-quality score for the Dashboard; read-only, not a job. */
  qualityScore(today: string): Promise<QualityScore | null> {
    return this.#remote.qualityScore(today);
  }

  /** Merges `mergedId` into `keptId`; the list of merges offers its undo. */
  mergeClients(keptId: string, mergedId: string): Promise<MergeOutcome> {
    return this.#track(() => this.#remote.mergeClients(keptId, mergedId) as Promise<MergeOutcome>); // one promise of the union, as above
  }

  undoMerge(mergeId: string): Promise<MergeOutcome> {
    return this.#track(() => this.#remote.undoMerge(mergeId) as Promise<MergeOutcome>); // as above
  }

  /** Marks a finding "not a problem" (`dismissed`), or lists it again. */
  dismissFinding(findingId: string, dismissed: boolean): Promise<void> {
    return this.#remote.dismissFinding(findingId, dismissed);
  }

  /** The dashboard's figures for the scores the page holds; read-only, not a job. */
  dashboard(computedAt: string, concentrationThreshold: number): Promise<DashboardData | null> {
    return this.#remote.dashboard(computedAt, concentrationThreshold);
  }

  /** Today's follow-ups and lists for the scores the page holds; read-only, not a job. */
  today(computedAt: string, today: string): Promise<TodayData | null> {
    return this.#remote.today(computedAt, today);
  }

  clearAllData(): Promise<void> {
    return this.#track(() => this.#remote.clearAllData());
  }

  clientScores(clientId: string, computedAt: string): Promise<ClientScores | null> {
    return this.#remote.clientScores(clientId, computedAt);
  }

  clientFollowUp(
    clientId: string,
    computedAt: string,
    today: string,
  ): Promise<ClientFollowUp | null> {
    return this.#remote.clientFollowUp(clientId, computedAt, today);
  }

  /**
   * Says an edit is likely soon (a client's file or the new-client form is open): the
   * worker gets its data ready, so the edit's new scores come without a wait.
   */
  prepareForEdits(): void {
    void this.#remote.prepareForEdits();
  }

  /** Takes an evaluation of the current scores ("Evaluate now"), by the page's clock. */
  evaluateNow(label?: string): Promise<EvaluationOutcome> {
    return this.#track(
      () => this.#remote.evaluateNow(new Date().toISOString(), label) as Promise<EvaluationOutcome>, // as above
    );
  }

  /** Takes an evaluation when the period has passed (the app asks when it opens). */
  evaluateIfDue(): Promise<EvaluationOutcome> {
    return this.#track(
      () => this.#remote.evaluateIfDue(new Date().toISOString()) as Promise<EvaluationOutcome>, // as above
    );
  }

  compareEvaluations(
    scheme: MovementScheme,
    fromId?: string,
    toId?: string,
  ): Promise<HistoryComparison | null> {
    return this.#remote.compareEvaluations(scheme, fromId, toId);
  }

  movementCell(scheme: MovementScheme, fromId: string, toId: string, row: number, col: number) {
    return this.#remote.movementCell(scheme, fromId, toId, row, col);
  }

  clientTimeline(clientId: string): Promise<TimelinePoint[]> {
    return this.#remote.clientTimeline(clientId);
  }

  #progress() {
    return Comlink.proxy((done: number, total: number | null) => {
      this.progress = done;
      this.progressTotal = total;
    });
  }

  async #track<T>(job: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await job();
    } finally {
      this.running -= 1;
      if (this.running === 0) {
        this.progress = null;
        this.progressTotal = null;
        for (const resolve of this.#idle.splice(0)) resolve();
      }
    }
  }
}
