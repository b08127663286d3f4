import * as Comlink from 'comlink';
import { DATABASE_NAME, TierwiseDb } from '$db/database';
import { deleteLeftovers, WorkspacePointer } from '$db/workspace-pointer';
import type { ScoringDefinition } from '$schema/scoring-model';
import type { ModelPreview } from './model-preview';
import {
  clientsCsv,
  listClients,
  needsDirectory,
  type ClientQuery,
  type ExportLabels,
} from './client-list';
import {
  BackupService,
  type ExportOptions,
  type ImportMode,
  type Progress,
} from './backup-service';
import {
  CsvService,
  type CsvKind,
  type CsvMapping,
  type CsvCheckOptions,
  type RejectedCsvLabels,
} from './csv-service';
import { ScoringService, type ScoringStatus } from './scoring-service';
import { offThreadScoresStore } from './scores-saver';
import { dashboardData, type DashboardData } from './dashboard';
import { TodayService, type ClientFollowUp } from './today';
import type { TodayData } from '$db/today-record';
import { clientScores, type ClientScores } from './client-scores';
import { ListService, type ListHandle, type ListRow } from './list-service';
import { workerSwap } from './workspace-swap';
import type { WorkspaceWriter } from './workspace-writer';
import { WorkspaceService, type DatasetLoaded, type DatasetSize } from './workspace-service';
import { EvaluationService, type EvaluationOutcome } from './evaluation-service';
import { HistoryService, type HistoryComparison, type TimelinePoint } from './history-service';
import { SegmentsService, type SegmentRequest, type SegmentsData } from './segments-service';
import type { MovementScheme } from '$engine/index';
import type { StoredEvaluation } from '$db/evaluation-store';
import type { CsvDecisions } from './csv-matching';
import {
  QualityService,
  type MergeOutcome,
  type QualityScore,
  type QualityView,
} from './quality-service';

/**
 * The worker's own connection: rows are read and written here, never cloned to the page.
 * The page names the worker after the database the workspace pointer names (it read the
 * pointer before starting it), so both sides always open the same one.
 */
const db = new TierwiseDb(self.name || DATABASE_NAME);

// Scores are written from a worker of their own: this one keeps answering the page.
const scoring = new ScoringService(db, { storeScores: offThreadScoresStore(db.name) });
scoring.start();

// Another tab swapped in a new database and deletes this one: close for good (Dexie
// would otherwise reopen it — recreating it empty — on the next query); the page reloads.
db.on('versionchange', (event) => {
  if (event.newVersion !== null) return;
  scoring.stop();
  db.close();
  return false;
});

/** One writer at a time across every tab of the workspace. */
const WRITE_LOCK = 'tierwise:write';

async function withWriteLock<T>(work: () => Promise<T>): Promise<T> {
  return await navigator.locks.request(WRITE_LOCK, work);
}

const pointer = new WorkspacePointer();
const swap = workerSwap(db, pointer, () => scoring.stop());
const writer: WorkspaceWriter = { db, scoring, withWriteLock, swap };
const backups = new BackupService(writer);
const spreadsheets = new CsvService(writer);
const workspace = new WorkspaceService(writer);
const lists = new ListService(db, scoring, scoring.directory);
const evaluations = new EvaluationService(db, scoring);
const history = new HistoryService(db, scoring.directory);
const today = new TodayService(db, scoring, history);
const segments = new SegmentsService(db, scoring);
const quality = new QualityService(db, withWriteLock);

// Staging databases of an import cut short, or an old workspace whose deletion did not
// finish, go at start — unless a tab is writing now (it may be staging), or this tab
// opened a database the pointer no longer names (its page is about to reload).
void navigator.locks
  .request(WRITE_LOCK, { ifAvailable: true }, async (lock) => {
    if (lock && (await pointer.active()) === db.name) await deleteLeftovers(pointer);
  })
  .catch((error: unknown) => console.error('Leftover workspace databases stay:', error));

export type { DatasetLoaded, DatasetSize };

const collators = new Map<string, Intl.Collator>();

/** Names sort as people expect in their language ("Émile" with the Es, 10 after 9). */
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

async function list(
  query: ClientQuery,
  locale: string,
  computedAt: string,
): Promise<ReturnType<typeof listClients>> {
  const scores = await scoring.scores(computedAt);
  if (scores === null) return { indexes: new Int32Array(0), computedAt };
  const directory = needsDirectory(query) ? await scoring.directory.entries() : new Map();
  return listClients(scores, directory, query, collatorFor(locale));
}

const api = {
  /**
   * Fills an empty workspace with generated data ending on `asOf` (`YYYY-MM-DD`): the
   * sample (60 clients) or the large base (50,000 clients, 1,000,000 invoices, staged and
   * swapped in: the page reloads).
   * @param onProgress rows written so far (a `Comlink.proxy` callback)
   */
  loadSampleData(
    asOf: string,
    size: DatasetSize = 'sample',
    onProgress?: (rowsWritten: number) => void,
  ): Promise<DatasetLoaded> {
    return workspace.loadSample(asOf, size, onProgress);
  },

  /** Deletes every client and record (the model and settings stay). */
  clearAllData(): Promise<void> {
    return workspace.clearAll();
  },

  /**
   * What saving `definition` as the model would change: tier counts before and after,
   * clients changing tier, the ten biggest movers. Null until the first scores exist.
   */
  previewModel(definition: ScoringDefinition): Promise<ModelPreview | null> {
    return scoring.preview(definition);
  },

  /**
   * Lists the clients that match `query`, sorted, from the scores the page has seen
   * (`computedAt`), and keeps the list: the page asks for the rows on screen (`listRows`).
   */
  openList(query: ClientQuery, locale: string, computedAt: string): Promise<ListHandle | null> {
    return lists.open(query, collatorFor(locale), computedAt);
  },

  /** Rows `from` to `to` of a list `openList` made; null once it is no longer kept. */
  listRows(listId: number, from: number, to: number): Promise<ListRow[] | null> {
    return lists.rows(listId, from, to);
  },

  /** The same list as CSV (see `clientsCsv`), for the Export button. */
  async exportClientsCsv(
    query: ClientQuery,
    locale: string,
    computedAt: string,
    labels: ExportLabels,
  ): Promise<string> {
    const scores = await scoring.scores(computedAt);
    const listing = await list(query, locale, computedAt);
    return clientsCsv(scores, listing, await scoring.directory.entries(), labels);
  },

  /** The workspace as a backup file (a Blob: cloning it to the page copies no bytes). */
  exportBackup(options: ExportOptions, onProgress?: Progress) {
    return backups.export(options, onProgress);
  },

  /** Reads and validates a backup; nothing is written. The token names it for `applyBackup`. */
  inspectBackup(file: Blob, passphrase?: string, onProgress?: Progress) {
    return backups.inspect(file, passphrase, onProgress);
  },

  /** Replaces the workspace with, or merges into it, the backup inspected last. */
  applyBackup(token: string, mode: ImportMode, onProgress?: Progress) {
    return backups.apply(token, mode, onProgress);
  },

  discardBackup(): void {
    backups.discard();
  },

  /** The header and first rows of a CSV file, with the guessed columns. */
  previewCsv(file: Blob, kind: CsvKind) {
    return spreadsheets.preview(file, kind);
  },

  /** Checks every row of a CSV file and keeps the result for `applyCsv`; nothing is written. */
  dryRunCsv(
    file: Blob,
    kind: CsvKind,
    mapping: CsvMapping,
    reading: CsvCheckOptions,
    onProgress?: Progress,
  ) {
    return spreadsheets.dryRun(file, kind, mapping, reading, onProgress);
  },

  /** The refused rows of the last dry run as CSV text (null when it is gone). */
  rejectedCsv(token: string, labels: RejectedCsvLabels): string | null {
    return spreadsheets.rejectedCsv(token, labels);
  },

  /** Adds the accepted rows of the last dry run. */
  applyCsv(token: string, onProgress?: Progress) {
    return spreadsheets.apply(token, onProgress);
  },

  /** The user's answers to the last dry run's matches and ambiguous names. */
  decideCsv(token: string, decisions: CsvDecisions): boolean {
    return spreadsheets.decide(token, decisions);
  },

  discardCsv(): void {
    spreadsheets.discard();
  },

  /**
   * The dashboard's figures and chart data for the scores the page holds (`computedAt`);
   * `concentrationThreshold` (0–1) is the revenue share of one client that raises a warning.
   */
  dashboard(computedAt: string, concentrationThreshold: number): Promise<DashboardData | null> {
    return dashboardData(db, scoring, computedAt, concentrationThreshold);
  },

  /**
   * Today's follow-ups and lists for the scores the page holds (`computedAt`), as of the
   * page's day `today` (YYYY-MM-DD).
   */
  today(computedAt: string, day: string): Promise<TodayData | null> {
    return today.data(computedAt, day);
  },

  /**
   * One client's scores, reasons and what would lift it a tier, from the scores the page
   * has seen (`computedAt`); null when the client is not ranked.
   */
  clientScores(clientId: string, computedAt: string): Promise<ClientScores | null> {
    return clientScores(db, scoring, clientId, computedAt);
  },

  /** One client's next follow-up as of the page's day `today`; null when it has none. */
  clientFollowUp(
    clientId: string,
    computedAt: string,
    day: string,
  ): Promise<ClientFollowUp | null> {
    return today.followUpOf(clientId, computedAt, day);
  },

  /** An edit is likely soon (see `ScoringService.prepareForEdits`). */
  prepareForEdits(): Promise<void> {
    return scoring.prepareForEdits();
  },

  /**
   * Takes an evaluation of the current scores ("Evaluate now"), once they are current.
   * @param now the page's clock, as an ISO timestamp
   */
  evaluateNow(now: string, label?: string): Promise<EvaluationOutcome> {
    return evaluations.evaluateNow(new Date(now), label);
  },

  /**
   * Takes an evaluation when the configured period has passed since the last one (the
   * page asks when the app opens; every tab does, one evaluation results).
   */
  evaluateIfDue(now: string): Promise<EvaluationOutcome> {
    return evaluations.evaluateIfDue(new Date(now));
  },

  /** Every evaluation, in the order taken (without their columns). */
  evaluations(): Promise<StoredEvaluation[]> {
    return history.list();
  },

  /** Movements between two evaluations (default: the last two); null with fewer than two. */
  compareEvaluations(
    scheme: MovementScheme,
    fromId?: string,
    toId?: string,
  ): Promise<HistoryComparison | null> {
    return history.compare(scheme, fromId, toId);
  },

  /** The clients of one cell of the movement matrix. */
  movementCell(scheme: MovementScheme, fromId: string, toId: string, row: number, col: number) {
    return history.cellClients(scheme, fromId, toId, row, col);
  },

  /** One client's tiers and scores over every evaluation. */
  clientTimeline(clientId: string): Promise<TimelinePoint[]> {
    return history.timeline(clientId);
  },

  /**
   * Clusters the clients of the scores the page holds (`computedAt`) on `request`'s
   * features (Segments); null before there are scores.
   * @param onProgress steps done of the total (a `Comlink.proxy` callback)
   */
  segments(
    request: SegmentRequest,
    computedAt: string,
    onProgress?: (done: number, total: number) => void,
  ): Promise<SegmentsData | null> {
    return segments.run(request, computedAt, onProgress);
  },

  /** Tags the clients of one cluster of the last segmentation; null when that run is gone. */
  saveSegmentTag(runId: number, cluster: number, tag: string) {
    return segments.saveTag(runId, cluster, tag);
  },

  /** The data-quality report as of the page's day `today` (YYYY-MM-DD). */
  qualityReport(today: string): Promise<QualityView> {
    return quality.report(today);
  },

  /** The data-quality score for the Dashboard (see `QualityService.score`). */
  qualityScore(today: string): Promise<QualityScore | null> {
    return quality.score(today);
  },

  /** Merges one client into another, moving every record; undoable (`undoMerge`). */
  mergeClients(keptId: string, mergedId: string): Promise<MergeOutcome> {
    return quality.merge(keptId, mergedId);
  },

  /** Undoes a recorded merge, whenever it was made. */
  undoMerge(mergeId: string): Promise<MergeOutcome> {
    return quality.undo(mergeId);
  },

  /** Marks a finding of the report "not a problem" (remembered), or lists it again. */
  dismissFinding(findingId: string, dismissed: boolean): Promise<void> {
    return dismissed ? quality.dismiss(findingId) : quality.restore(findingId);
  },

  /** Calls `listener` with every change of the scoring status (a `Comlink.proxy`). */
  watchScoring(listener: (status: ScoringStatus) => void): void {
    scoring.watch(listener);
  },
};

export type TierwiseWorkerApi = typeof api;

Comlink.expose(api);
