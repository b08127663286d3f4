import type {
  PurchaseModel,
  ClvTrust,
  DimensionKey,
  GammaGammaParams,
  MetricSlot,
  Snapshot,
  TimeUnit,
} from '$engine/index';
import type { DatasetCounts } from '$schema/client-bundle';

/** Rows of each kind a snapshot holds (its grouped columns end at the row count). */
export function snapshotCounts(snapshot: Snapshot): DatasetCounts {
  const rows = (columns: { offsets: Int32Array }): number => columns.offsets.at(-1) ?? 0;
  return {
    clients: snapshot.clients.ids.length,
    transactions: rows(snapshot.transactions),
    interactions: rows(snapshot.interactions),
    feedback: rows(snapshot.feedback),
    complaints: rows(snapshot.complaints),
  };
}

/**
 * Bumped when the snapshot's columns change meaning; an older snapshot is rebuilt. 2: the
 * clients gained the pin's last day and their own hourly rate. 3: the clients gained their own
 * follow-up cadence and the day a snoozed follow-up comes back, the interactions their
 * follow-up day.
 */
export const SNAPSHOT_FORMAT = 3;

/** One part of the persisted snapshot: a table's columns, or the meta record. */
export type SnapshotPart =
  | { part: 'meta'; format: number; seq: number; clients: number; builtAt: string }
  | { part: Exclude<keyof Snapshot, never>; columns: Snapshot[keyof Snapshot] };

/** A change to one client's records, waiting to be folded into the snapshot. `*` = everything. */
export interface ChangeRecord {
  seq?: number;
  clientId: string;
}

export const ALL_CLIENTS = '*';

/**
 * What the page watches of the scores: a few bytes saved with every scores record, so a
 * view that only needs to know "new scores" (and the row counts they were made from)
 * never reads the record itself — megabytes at scale.
 */
export interface ScoresStamp {
  id: 'stamp';
  /** Equal to the scores record's `computedAt`. */
  computedAt: string;
  asOf: string;
  seq: number;
  /** The day of the latest invoice in the data (after the as-of day too), if any. */
  latestTransaction?: string;
  /**
   * Rows of each kind in the data scored. IndexedDB's `count()` walks every row (≈1.3 s
   * for a million invoices) and holds up every other request to the database meanwhile.
   */
  counts: DatasetCounts;
  /**
   * What the scores were made with (absent in stamps saved before these were added): a
   * worker that starts on current scores sees so from these few bytes, without reading
   * the scores or the snapshot.
   */
  engineVersion?: number;
  modelId?: string;
  modelUpdatedAt?: string;
}

/**
 * The latest scoring results, one entry per client in `clientIds` order, as typed-array
 * columns (a 50,000-client run is one record of a few megabytes: written and read in
 * well under 100 ms, where 50,000 row objects would take seconds).
 */
export interface ScoresRecord {
  id: 'current';
  engineVersion: number;
  modelId: string;
  modelUpdatedAt: string;
  /** The as-of day, `YYYY-MM-DD`. */
  asOf: string;
  /** The day of the latest invoice in the data (after the as-of day too), if any. */
  latestTransaction?: string;
  computedAt: string;
  /** The last change folded in (see `changes`). */
  seq: number;
  durationMs: number;
  clientIds: string[];
  scored: Uint8Array;
  rank: Int32Array;
  composite: Float32Array;
  dimensions: Record<DimensionKey, Float32Array>;
  tier: Uint8Array;
  computedTier: Uint8Array;
  pinned: Uint8Array;
  abc: Uint8Array;
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  segment: Uint8Array;
  lifecycle: Uint8Array;
  churnWarning: Uint8Array;
  /** Lifetime-value predictions (docs/clv.md), NaN for clients who have not bought. */
  pActive: Float32Array;
  expectedPurchases90d: Float32Array;
  clv12m: Float32Array;
  /** The fitted models behind them, with how far to trust them. */
  clvModel: {
    unit: TimeUnit;
    purchases: PurchaseModel;
    gammaGamma: GammaGammaParams;
    trust: ClvTrust;
    clients: number;
    repeatBuyers: number;
    /** The models tested on this base's own history; absent when it is too short. */
    backtest?: {
      /** The day the tested fit's history ended, `YYYY-MM-DD`. */
      calibrationEnd: string;
      holdoutDays: number;
      clients: number;
      predictedPurchases: number;
      actualPurchases: number;
      predictedValue: number;
      actualValue: number;
      clientError: number;
    };
  };
  windowRevenue: Float64Array;
  lastPurchaseDay: Int32Array;
  lastContactDay: Int32Array;
  /** What each client owes on the as-of day, past its due date (the Overdue filter). */
  overdue: Float64Array;
  slots: MetricSlot[];
  /** slots × clients: the metric's raw value (NaN = no data). */
  metricValues: Float32Array;
  /** slots × clients: the metric's normalised value, 0–1 (NaN = no data). */
  normalised: Float32Array;
  /**
   * dimensions × clients: composite points per unit of weight × normalised value; with
   * `normalised` and the slot weights, each metric's contribution (`contribution()`).
   */
  pointsPerUnit: Float32Array;
}

/** One client as a row of the list: what any column shows, and its marks. */
export interface ListRow {
  id: string;
  name: string;
  company: string;
  tags: readonly string[];
  /** 0 for an archived client (not ranked). */
  rank: number;
  /** Index into the model's tier levels; -1 for an archived client. */
  tier: number;
  score: number;
  value: number;
  needs: number;
  loyalty: number;
  potential: number;
  abc: number;
  /** `"543"`, or '' for a client who has not bought. */
  rfm: string;
  segment: number;
  lifecycle: number;
  pActive: number;
  clv12m: number;
  /** Epoch days, NO_DAY when none. */
  lastPurchaseDay: number;
  lastContactDay: number;
  pinned: boolean;
  churnWarning: boolean;
  archived: boolean;
}

/**
 * The first rows of the default Clients list (every ranked client, by rank) of the scores
 * `computedAt`, saved with them: a cold start paints its first screen from these few
 * kilobytes while the worker is still loading the scores. Same rows as the worker's list.
 */
export interface FirstRows {
  id: 'first-rows';
  /** Equal to the scores record's `computedAt`: shown only with those scores. */
  computedAt: string;
  /** Clients in the whole default list. */
  count: number;
  trust: ScoresRecord['clvModel']['trust']['level'];
  rows: ListRow[];
}
