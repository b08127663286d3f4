import { toEpochDay } from '$lib/dates';
import { NEED_TYPE_KEYS } from './model';

/** Marks a day column entry as absent (no due date, not paid, not resolved). */
export const NO_DAY = -2_147_483_648;

/**
 * The engine's input: every client and record as typed-array columns, grouped by client
 * (`offsets[i]` to `offsets[i + 1]` are client `i`'s rows, in date order). About 32 bytes
 * a transaction; a million load from IndexedDB in under 100 ms, where a million row
 * objects take 10–16 s. Clients are sorted by id, so the same data gives the same
 * snapshot whatever order it arrived in.
 */
export interface Snapshot {
  clients: ClientColumns;
  transactions: TransactionColumns;
  interactions: InteractionColumns;
  feedback: FeedbackColumns;
  complaints: ComplaintColumns;
}

export interface ClientColumns {
  ids: string[];
  archived: Uint8Array;
  /** Index into `NEED_TYPE_KEYS`, or -1 when not set. */
  needType: Int8Array;
  /** 1–5 ratings; 0 = not rated. */
  needStrength: Uint8Array;
  needUrgency: Uint8Array;
  budget: Uint8Array;
  growthRoom: Uint8Array;
  influence: Uint8Array;
  /** Id of the client who referred this one, or null (ids, not indexes: they survive patches). */
  referrerId: (string | null)[];
  /** Manually pinned tier id, or null. */
  pinTier: (string | null)[];
  /** Epoch day of the last day the pin holds, or NO_DAY when it has no end. */
  pinUntilDay: Int32Array;
  /** The client's own internal hourly rate, or NaN to use the model's. */
  hourlyRate: Float64Array;
  /** The client's own follow-up cadence in days, or 0 to follow its tier's playbook. */
  cadenceDays: Uint16Array;
  /** Epoch day a snoozed follow-up comes back, or NO_DAY when none is snoozed. */
  snoozeUntilDay: Int32Array;
}

export interface Grouped {
  /** Length: clients + 1. */
  offsets: Int32Array;
}

export interface TransactionColumns extends Grouped {
  day: Int32Array;
  amount: Float64Array;
  /** NaN when unknown. */
  cost: Float32Array;
  /** NaN when unknown. */
  hours: Float32Array;
  dueDay: Int32Array;
  paidDay: Int32Array;
}

export interface InteractionColumns extends Grouped {
  day: Int32Array;
  /** Epoch day the interaction set for the next contact, or NO_DAY. */
  followUpDay: Int32Array;
}

export interface FeedbackColumns extends Grouped {
  day: Int32Array;
  /** Satisfaction on one scale, 0–100: CSAT (s − 1) / 4 × 100, NPS s / 10 × 100. */
  score: Float32Array;
}

export interface ComplaintColumns extends Grouped {
  openedDay: Int32Array;
  resolvedDay: Int32Array;
  /** 1 low, 2 medium, 3 high. */
  severity: Uint8Array;
}

/** The record shapes the snapshot is built from (the stored entities satisfy them). */
export interface ClientRecord {
  id: string;
  archived?: boolean;
  needType?: string | undefined;
  needStrength?: number | undefined;
  needUrgency?: number | undefined;
  budget?: number | undefined;
  growthRoom?: number | undefined;
  influence?: number | undefined;
  referredById?: string | undefined;
  pin?: { tierId: string; until?: string | undefined } | undefined;
  hourlyRate?: number | undefined;
  cadenceDays?: number | undefined;
  followUpSnooze?: { until: string } | undefined;
}
export interface TransactionRecord {
  clientId: string;
  date: string;
  amount: number;
  cost?: number | undefined;
  hours?: number | undefined;
  dueDate?: string | undefined;
  paidDate?: string | undefined;
}
export interface InteractionRecord {
  clientId: string;
  date: string;
  followUpDate?: string | undefined;
}
export interface FeedbackRecord {
  clientId: string;
  date: string;
  scale: 'csat' | 'nps';
  score: number;
}
export interface ComplaintRecord {
  clientId: string;
  openedAt: string;
  resolvedAt?: string | undefined;
  severity: 'low' | 'medium' | 'high';
}

export interface SnapshotRecords {
  clients: readonly ClientRecord[];
  transactions: readonly TransactionRecord[];
  interactions: readonly InteractionRecord[];
  feedback: readonly FeedbackRecord[];
  complaints: readonly ComplaintRecord[];
}

const SEVERITY = { low: 1, medium: 2, high: 3 } as const;

const optionalDay = (date: string | undefined): number =>
  date === undefined ? NO_DAY : toEpochDay(date);

/** Satisfaction on one 0–100 scale, whichever way it was asked. */
export function satisfactionPercent(scale: 'csat' | 'nps', score: number): number {
  return scale === 'csat' ? ((score - 1) / 4) * 100 : (score / 10) * 100;
}

/**
 * Builds a snapshot from records. Records of unknown clients are dropped (the storage
 * layer never has any; imports check before writing).
 */
export function buildSnapshot(records: SnapshotRecords): Snapshot {
  const clients = [...records.clients].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const indexOf = new Map(clients.map((client, index) => [client.id, index]));
  const n = clients.length;
  const rating = (value: number | undefined): number => value ?? 0;
  const clientColumns: ClientColumns = {
    ids: clients.map((c) => c.id),
    archived: Uint8Array.from(clients, (c) => (c.archived ? 1 : 0)),
    needType: Int8Array.from(clients, (c) =>
      NEED_TYPE_KEYS.indexOf(c.needType as (typeof NEED_TYPE_KEYS)[number]),
    ),
    needStrength: Uint8Array.from(clients, (c) => rating(c.needStrength)),
    needUrgency: Uint8Array.from(clients, (c) => rating(c.needUrgency)),
    budget: Uint8Array.from(clients, (c) => rating(c.budget)),
    growthRoom: Uint8Array.from(clients, (c) => rating(c.growthRoom)),
    influence: Uint8Array.from(clients, (c) => rating(c.influence)),
    referrerId: clients.map((c) => c.referredById ?? null),
    pinTier: clients.map((c) => c.pin?.tierId ?? null),
    pinUntilDay: Int32Array.from(clients, (c) => optionalDay(c.pin?.until)),
    hourlyRate: Float64Array.from(clients, (c) => c.hourlyRate ?? NaN),
    cadenceDays: Uint16Array.from(clients, (c) => c.cadenceDays ?? 0),
    snoozeUntilDay: Int32Array.from(clients, (c) => optionalDay(c.followUpSnooze?.until)),
  };

  const tx = groupRows(
    records.transactions,
    indexOf,
    n,
    (t) => toEpochDay(t.date),
    (t) => t.amount,
  );
  const transactions: TransactionColumns = {
    offsets: tx.offsets,
    day: Int32Array.from(tx.rows, (t) => toEpochDay(t.date)),
    amount: Float64Array.from(tx.rows, (t) => t.amount),
    cost: Float32Array.from(tx.rows, (t) => t.cost ?? NaN),
    hours: Float32Array.from(tx.rows, (t) => t.hours ?? NaN),
    dueDay: Int32Array.from(tx.rows, (t) => optionalDay(t.dueDate)),
    paidDay: Int32Array.from(tx.rows, (t) => optionalDay(t.paidDate)),
  };
  const ix = groupRows(
    records.interactions,
    indexOf,
    n,
    (r) => toEpochDay(r.date),
    () => 0,
  );
  const fb = groupRows(
    records.feedback,
    indexOf,
    n,
    (r) => toEpochDay(r.date),
    (r) => r.score,
  );
  const cp = groupRows(
    records.complaints,
    indexOf,
    n,
    (r) => toEpochDay(r.openedAt),
    (r) => SEVERITY[r.severity],
  );
  return {
    clients: clientColumns,
    transactions,
    interactions: {
      offsets: ix.offsets,
      day: Int32Array.from(ix.rows, (r) => toEpochDay(r.date)),
      followUpDay: Int32Array.from(ix.rows, (r) => optionalDay(r.followUpDate)),
    },
    feedback: {
      offsets: fb.offsets,
      day: Int32Array.from(fb.rows, (r) => toEpochDay(r.date)),
      score: Float32Array.from(fb.rows, (r) => satisfactionPercent(r.scale, r.score)),
    },
    complaints: {
      offsets: cp.offsets,
      openedDay: Int32Array.from(cp.rows, (r) => toEpochDay(r.openedAt)),
      resolvedDay: Int32Array.from(cp.rows, (r) => optionalDay(r.resolvedAt)),
      severity: Uint8Array.from(cp.rows, (r) => SEVERITY[r.severity]),
    },
  };
}

/**
 * Orders rows by (client, day, tie value) and returns them with per-client offsets.
 * The tie value makes the order independent of the input order for equal days.
 */
function groupRows<T extends { clientId: string }>(
  rows: readonly T[],
  indexOf: ReadonlyMap<string, number>,
  clients: number,
  dayOf: (row: T) => number,
  tieOf: (row: T) => number,
): { rows: T[]; offsets: Int32Array } {
  const keyed: { row: T; client: number; day: number; tie: number }[] = [];
  for (const row of rows) {
    const client = indexOf.get(row.clientId);
    if (client === undefined) continue;
    keyed.push({ row, client, day: dayOf(row), tie: tieOf(row) });
  }
  keyed.sort((a, b) => a.client - b.client || a.day - b.day || a.tie - b.tie);
  const offsets = new Int32Array(clients + 1);
  for (const k of keyed) offsets[k.client + 1]! += 1;
  for (let i = 0; i < clients; i += 1) offsets[i + 1]! += offsets[i]!;
  return { rows: keyed.map((k) => k.row), offsets };
}

export function emptySnapshot(): Snapshot {
  return buildSnapshot({
    clients: [],
    transactions: [],
    interactions: [],
    feedback: [],
    complaints: [],
  });
}

/**
 * The first and the last day of any transaction of the snapshot (whatever the as-of
 * day), or null without any. Rows are in date order within a client, so only each
 * client's first and last rows are read.
 */
export function transactionDays(snapshot: Snapshot): { first: number; last: number } | null {
  const { offsets, day } = snapshot.transactions;
  let first = Infinity;
  let last = -Infinity;
  for (let c = 0; c + 1 < offsets.length; c += 1) {
    const start = offsets[c]!;
    const end = offsets[c + 1]!;
    if (end === start) continue;
    if (day[start]! < first) first = day[start]!;
    if (day[end - 1]! > last) last = day[end - 1]!;
  }
  return first === Infinity ? null : { first, last };
}
