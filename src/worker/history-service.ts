import {
  cellMembers,
  compareEvaluations,
  explainMove,
  positionsOf,
  type Evaluation,
  type MovementReason,
  type MovementScheme,
} from '$engine/index';
import type { TierwiseDb } from '$db/database';
import { listEvaluations, type StoredEvaluation } from '$db/evaluation-store';
import { readEvaluation } from './evaluation-codec';
import { toEpochDay } from '$lib/dates';
import type { ClientDirectory } from './client-directory';

/** Movements listed per direction; the matrix counts them all. */
export const MOVEMENTS_LISTED = 200;
/** Clients listed for a matrix cell. */
export const CELL_CLIENTS_LISTED = 200;
/** Evaluations kept decoded: comparing two, and the client timeline walking all of them. */
const DECODED_KEPT = 6;

export interface NamedMovement {
  clientId: string;
  name: string;
  from: number;
  to: number;
  fromRank: number;
  toRank: number;
  reasons: MovementReason[];
}

export interface HistoryComparison {
  from: StoredEvaluation;
  to: StoredEvaluation;
  scheme: MovementScheme;
  matrix: number[][];
  compared: number;
  ups: number;
  downs: number;
  /** Largest moves first, at most MOVEMENTS_LISTED each. */
  upgrades: NamedMovement[];
  downgrades: NamedMovement[];
}

export interface TimelinePoint {
  evaluationId: string;
  asOf: string;
  takenAt: string;
  /** Null when the client was not evaluated then (not yet a client, or archived). */
  tier: { id: string; name: { en: string; 'zh-CN': string }; colour: string } | null;
  score: number | null;
  rank: number | null;
  clients: number;
  /** Why the tier changed since the previous point, when it did. */
  change: { direction: 'up' | 'down'; reasons: MovementReason[] } | null;
}

/**
 * Reads evaluations for the History view, the client file and the dashboard. Decoded
 * evaluations are kept a while (an evaluation never changes; a merged backup may replace
 * one, which its `updatedAt` tells).
 */
export class HistoryService {
  readonly #db: TierwiseDb;
  readonly #directory: ClientDirectory;
  readonly #decoded = new Map<string, Evaluation>();

  constructor(db: TierwiseDb, directory: ClientDirectory) {
    this.#db = db;
    this.#directory = directory;
  }

  list(): Promise<StoredEvaluation[]> {
    return listEvaluations(this.#db);
  }

  /**
   * Compares two evaluations (by default the last two); null when there are fewer than two.
   */
  async compare(
    scheme: MovementScheme,
    fromId?: string,
    toId?: string,
  ): Promise<HistoryComparison | null> {
    const pair = await this.#pair(fromId, toId);
    if (pair === null) return null;
    const { from, to, metas } = pair;
    const comparison = compareEvaluations(from, to, scheme);
    const ups = comparison.movements.filter((m) => m.direction === 'up');
    const downs = comparison.movements.filter((m) => m.direction === 'down');
    const listed = [...ups.slice(0, MOVEMENTS_LISTED), ...downs.slice(0, MOVEMENTS_LISTED)];
    const names = await this.#directory.names(listed.map((m) => m.clientId));
    const named = (m: (typeof listed)[number]): NamedMovement => ({
      clientId: m.clientId,
      name: names[m.clientId] ?? m.clientId,
      from: m.from,
      to: m.to,
      fromRank: m.fromRank,
      toRank: m.toRank,
      reasons: m.reasons,
    });
    return {
      from: metas[0],
      to: metas[1],
      scheme,
      matrix: comparison.matrix,
      compared: comparison.compared,
      ups: ups.length,
      downs: downs.length,
      upgrades: ups.slice(0, MOVEMENTS_LISTED).map(named),
      downgrades: downs.slice(0, MOVEMENTS_LISTED).map(named),
    };
  }

  /**
   * The clients of one matrix cell (row: class at the first evaluation, or the "new" row;
   * column: class at the second, or the "gone" column), best ranked first.
   */
  async cellClients(
    scheme: MovementScheme,
    fromId: string,
    toId: string,
    row: number,
    col: number,
  ): Promise<{
    total: number;
    clients: { clientId: string; name: string; rank: number | null }[];
  }> {
    const pair = await this.#pair(fromId, toId);
    if (pair === null) return { total: 0, clients: [] };
    const { from, to } = pair;
    const ids = cellMembers(from, to, scheme, row, col);
    const shown = ids.slice(0, CELL_CLIENTS_LISTED);
    const names = await this.#directory.names(shown.map((c) => c.clientId));
    return {
      total: ids.length,
      clients: shown.map((c) => ({ ...c, name: names[c.clientId] ?? c.clientId })),
    };
  }

  /**
   * The day each client's tier last changed, as far as the evaluations tell: for the
   * clients whose tier (by id) differs between the last two, the latest one's as-of day.
   * Empty with fewer than two evaluations.
   */
  async tierChangedDays(): Promise<Map<string, number>> {
    const pair = await this.#pair();
    const changed = new Map<string, number>();
    if (pair === null) return changed;
    const { from, to } = pair;
    const day = toEpochDay(to.asOf);
    const before = positionsOf(from.columns);
    to.columns.clientIds.forEach((id, i) => {
      const j = before.get(id);
      if (j === undefined) return;
      const was = from.tiers[from.columns.tier[j] ?? -1]?.id;
      const now = to.tiers[to.columns.tier[i] ?? -1]?.id;
      if (was !== now) changed.set(id, day);
    });
    return changed;
  }

  /** One client's tiers and scores over every evaluation, oldest first. */
  async timeline(clientId: string): Promise<TimelinePoint[]> {
    const points: TimelinePoint[] = [];
    let before: { evaluation: Evaluation; i: number } | null = null;
    for (const meta of await this.list()) {
      const evaluation = await this.#read(meta);
      if (!evaluation) continue;
      const i = positionsOf(evaluation.columns).get(clientId);
      if (i === undefined) {
        points.push({
          ...pointBase(evaluation),
          tier: null,
          score: null,
          rank: null,
          change: null,
        });
        before = null;
        continue;
      }
      const tierIndex = evaluation.columns.tier[i] ?? 0;
      const tier = evaluation.tiers[tierIndex];
      let change: TimelinePoint['change'] = null;
      if (before) {
        const previous = before.evaluation;
        const wasOwn = previous.columns.tier[before.i] ?? 0;
        const was = previous.tiers[wasOwn];
        const mapped = evaluation.tiers.findIndex((t) => t.id === was?.id);
        const wasIndex = mapped >= 0 ? mapped : wasOwn;
        if (wasIndex !== tierIndex) {
          const direction = tierIndex < wasIndex ? 'up' : 'down';
          change = {
            direction,
            reasons: explainMove(previous, evaluation, before.i, i, direction),
          };
        }
      }
      points.push({
        ...pointBase(evaluation),
        tier: tier ? { id: tier.id, name: tier.names, colour: tier.colour } : null,
        score: evaluation.columns.score[i] ?? null,
        rank: i + 1,
        change,
      });
      before = { evaluation, i };
    }
    return points;
  }

  async #pair(
    fromId?: string,
    toId?: string,
  ): Promise<{
    from: Evaluation;
    to: Evaluation;
    metas: [StoredEvaluation, StoredEvaluation];
  } | null> {
    const all = await this.list();
    const toMeta = toId ? all.find((e) => e.id === toId) : all.at(-1);
    const fromMeta = fromId
      ? all.find((e) => e.id === fromId)
      : all[all.findIndex((e) => e.id === toMeta?.id) - 1];
    if (!fromMeta || !toMeta) return null;
    const [from, to] = await Promise.all([this.#read(fromMeta), this.#read(toMeta)]);
    return from && to ? { from, to, metas: [fromMeta, toMeta] } : null;
  }

  async #read(meta: StoredEvaluation): Promise<Evaluation | undefined> {
    const key = `${meta.id}@${meta.updatedAt}`;
    const kept = this.#decoded.get(key);
    if (kept) return kept;
    const evaluation = await readEvaluation(this.#db, meta.id);
    if (!evaluation) return undefined;
    this.#decoded.set(key, evaluation);
    // Oldest decoded first out (Map keeps insertion order).
    for (const old of this.#decoded.keys()) {
      if (this.#decoded.size <= DECODED_KEPT) break;
      this.#decoded.delete(old);
    }
    return evaluation;
  }
}

function pointBase(evaluation: Evaluation) {
  return {
    evaluationId: evaluation.id,
    asOf: evaluation.asOf,
    takenAt: evaluation.takenAt,
    clients: evaluation.clients,
  };
}
