import {
  hasChinese,
  qualityReport,
  type CheckedInvoice,
  type DatedRecord,
  type MissingField,
  type QualityReport,
  type Romanise,
} from '$engine/index';
import { MergeError, mergeClients, undoMerge } from '$db/client-merge';
import type { TierwiseDb } from '$db/database';
import { readActiveModel } from '$db/model-repository';
import { dismissFinding, readDismissals, restoreFinding } from '$db/quality-dismissals';
import { readScoresStamp } from '$db/snapshot-store';
import { loadRomanise } from './romanise';

/** The report with what the page shows of the clients it names. */
export interface QualityView extends Omit<QualityReport, 'missing'> {
  /** Each missing field with its first `MISSING_SHOWN` clients and how many lack it. */
  missing: (MissingField & { total: number })[];
  /** Names of the clients the findings mention, by id. */
  names: Record<string, string>;
  /** How many of each finding there are; the lists hold the first `SHOWN` of them. */
  totals: { duplicates: number; outliers: number; impossible: number };
}

/** The score for the Dashboard: current, or the last one computed (`current` false). */
export interface QualityScore {
  score: number;
  current: boolean;
}

/** A merge or its undo: done, or refused with the reason's code (nothing written). */
export type MergeOutcome = { ok: true; mergeId: string } | { ok: false; code: MergeError['code'] };

/**
 * The data-quality report and its fixes. The report reads every client and record (the
 * engine's snapshot has no record ids, which a finding links to) and is kept until the data,
 * the model or the dismissals change, so the Dashboard's score and the Data view share it.
 */
export class QualityService {
  readonly #db: TierwiseDb;
  readonly #withWriteLock: <T>(work: () => Promise<T>) => Promise<T>;
  readonly #romanise: () => Promise<Romanise>;
  #cached: { key: string; view: Promise<QualityView> } | null = null;
  #lastScore: number | null = null;

  constructor(
    db: TierwiseDb,
    withWriteLock: <T>(work: () => Promise<T>) => Promise<T>,
    romanise: () => Promise<Romanise> = loadRomanise,
  ) {
    this.#db = db;
    this.#withWriteLock = withWriteLock;
    this.#romanise = romanise;
  }

  /** The report as of the page's day `today` (YYYY-MM-DD). */
  async report(today: string): Promise<QualityView> {
    const key = await this.#dataKey(today);
    if (this.#cached?.key !== key) {
      const view = this.#compute(today);
      this.#cached = { key, view };
      view.catch(() => {
        if (this.#cached?.view === view) this.#cached = null;
      });
    }
    return this.#cached.view;
  }

  /**
   * The score for the Dashboard. A base of up to `EAGER_ROWS` records is checked at once;
   * a larger one (reading it all holds this worker for tens of seconds) shows the score of
   * the last check — the Data view's — or none before there was one.
   */
  async score(today: string): Promise<QualityScore | null> {
    const key = await this.#dataKey(today);
    if (this.#cached?.key === key) return { score: (await this.#cached.view).score, current: true };
    const stamp = await readScoresStamp(this.#db);
    const rows = stamp ? Object.values(stamp.counts).reduce((sum, n) => sum + n, 0) : 0;
    if (rows <= EAGER_ROWS) return { score: (await this.report(today)).score, current: true };
    return this.#lastScore === null ? null : { score: this.#lastScore, current: false };
  }

  /** Merges `mergedId` into `keptId` (`mergeClients`); the scorer rescores both. */
  merge(keptId: string, mergedId: string): Promise<MergeOutcome> {
    return this.#outcome(async () => (await mergeClients(this.#db, keptId, mergedId)).id);
  }

  /** Undoes a recorded merge (`undoMerge`). */
  undo(mergeId: string): Promise<MergeOutcome> {
    return this.#outcome(async () => (await undoMerge(this.#db, mergeId)).id);
  }

  async dismiss(findingId: string): Promise<void> {
    await dismissFinding(this.#db, findingId);
    this.#cached = null;
  }

  async restore(findingId: string): Promise<void> {
    await restoreFinding(this.#db, findingId);
    this.#cached = null;
  }

  async #outcome(work: () => Promise<string>): Promise<MergeOutcome> {
    try {
      const mergeId = await this.#withWriteLock(work);
      this.#cached = null;
      return { ok: true, mergeId };
    } catch (error) {
      if (error instanceof MergeError) return { ok: false, code: error.code };
      throw error;
    }
  }

  /**
   * What the report depends on: the change log's position (every repository write adds to
   * it; scored entries are removed, so the scores' seq is read too), the model, the day and
   * the dismissals.
   */
  async #dataKey(today: string): Promise<string> {
    const db = this.#db;
    const [last, stamp, model, dismissed] = await Promise.all([
      db.changes.orderBy('seq').last(),
      readScoresStamp(db),
      readActiveModel(db),
      db.qualityDismissals.toCollection().primaryKeys(),
    ]);
    return [
      last?.seq ?? 0,
      stamp?.seq ?? 0,
      stamp?.computedAt ?? '',
      model.updatedAt,
      today,
      dismissed.length,
    ].join('|');
  }

  async #compute(today: string): Promise<QualityView> {
    const db = this.#db;
    const [clients, transactions, interactions, feedback, complaints, model, dismissed] =
      await db.transaction(
        'r',
        [
          db.clients,
          db.transactions,
          db.interactions,
          db.feedback,
          db.complaints,
          db.models,
          db.qualityDismissals,
        ],
        () =>
          Promise.all([
            db.clients.toArray(),
            db.transactions.toArray(),
            db.interactions.toArray(),
            db.feedback.toArray(),
            db.complaints.toArray(),
            readActiveModel(db),
            readDismissals(db),
          ]),
      );
    const invoices: CheckedInvoice[] = transactions;
    const dated: DatedRecord[] = [
      ...transactions.map((r) => ({
        table: 'transactions' as const,
        id: r.id,
        clientId: r.clientId,
        date: r.date,
      })),
      ...interactions.map((r) => ({
        table: 'interactions' as const,
        id: r.id,
        clientId: r.clientId,
        date: r.date,
      })),
      ...feedback.map((r) => ({
        table: 'feedback' as const,
        id: r.id,
        clientId: r.clientId,
        date: r.date,
      })),
      ...complaints.map((r) => ({
        table: 'complaints' as const,
        id: r.id,
        clientId: r.clientId,
        date: r.openedAt,
      })),
    ];
    const romanise = clients.some((c) => hasChinese(c.name)) ? await this.#romanise() : undefined;
    const report = qualityReport({
      clients,
      invoices,
      dated,
      definition: model.definition,
      today,
      dismissed,
      ...(romanise ? { romanise } : {}),
    });
    const totals = {
      duplicates: report.duplicates.length,
      outliers: report.outliers.length,
      impossible: report.impossible.length,
    };
    // Only the first findings of each kind cross to the page (the totals say the rest).
    const duplicates = report.duplicates.slice(0, SHOWN);
    const outliers = report.outliers.slice(0, SHOWN);
    const impossible = report.impossible.slice(0, SHOWN);
    const named = new Set<string>([
      ...duplicates.flatMap((p) => [p.a, p.b]),
      ...outliers.map((o) => o.clientId),
      ...impossible.map((v) => v.clientId),
      ...report.missing.flatMap((m) => m.clientIds.slice(0, MISSING_SHOWN)),
    ]);
    this.#lastScore = report.score;
    const names: Record<string, string> = {};
    for (const c of clients) if (named.has(c.id)) names[c.id] = c.name;
    // Only the first clients of each missing field cross to the page: the count says the rest.
    const missing = report.missing.map((m) => ({
      ...m,
      clientIds: m.clientIds.slice(0, MISSING_SHOWN),
      total: m.clientIds.length,
    }));
    return { ...report, duplicates, outliers, impossible, missing, names, totals };
  }
}

/** Clients of a missing field named on the page; the count gives the rest. */
export const MISSING_SHOWN = 20;
/** Findings of each kind sent to the page. */
export const SHOWN = 200;
/** Records up to which the Dashboard's score is checked at once (see `score`). */
export const EAGER_ROWS = 100_000;
