import { positionsOf, UNKNOWN_CLASS, type Evaluation, type EvaluationColumns } from './evaluation';
import { DIMENSION_KEYS, type DimensionKey } from './model';

/**
 * Movements between two evaluations (docs/scoring.md, "Evaluations"): who went up or down
 * in each scheme, and why, from the inputs that changed most.
 */

/** The schemes a client can move in, each ordered best first. */
export const MOVEMENT_SCHEMES = ['tier', 'abc', 'lifecycle'] as const;
export type MovementScheme = (typeof MOVEMENT_SCHEMES)[number];

/**
 * Lifecycle stages from healthiest to least healthy, as indexes into LIFECYCLE_STAGES
 * (prospect, new, active, dormant, churned): becoming active is a step up, lapsing into
 * dormant or churned a step down.
 */
const LIFECYCLE_HEALTH: readonly number[] = [2, 1, 0, 3, 4];

/** A lifecycle stage's place in LIFECYCLE_HEALTH (0 = healthiest). */
function healthOf(stage: number): number {
  return LIFECYCLE_HEALTH.indexOf(stage);
}

export type MovementReason =
  | { kind: 'pinned' }
  | { kind: 'unpinned' }
  | { kind: 'noPurchase'; days: number }
  | { kind: 'revenue'; percent: number }
  | { kind: 'firstRevenue'; amount: number }
  | { kind: 'netRefund'; amount: number }
  | { kind: 'dimension'; dimension: DimensionKey; points: number }
  | { kind: 'pActive'; from: number; to: number }
  | { kind: 'stage'; from: number; to: number }
  | { kind: 'modelChanged' }
  | { kind: 'rank'; from: number; to: number }
  | { kind: 'others' };

export interface Movement {
  clientId: string;
  /** Class in the scheme at each evaluation (best = 0). */
  from: number;
  to: number;
  direction: 'up' | 'down';
  /** Ranks at each evaluation. */
  fromRank: number;
  toRank: number;
  /** The most telling first; at most `MAX_REASONS`. */
  reasons: MovementReason[];
}

export interface Comparison {
  scheme: MovementScheme;
  /**
   * Clients by class at the first evaluation (rows) and at the second (columns), with one
   * more row for clients new since the first and one more column for clients gone since.
   */
  matrix: number[][];
  /** Who moved, largest moves first (then by rank at the second evaluation). */
  movements: Movement[];
  /** Clients in both evaluations. */
  compared: number;
}

export const MAX_REASONS = 2;

/** Thresholds below which a change is not worth naming. */
const MIN_REVENUE_CHANGE = 0.2;
const MIN_DAYS_WITHOUT_PURCHASE = 60;
const MIN_DIMENSION_POINTS = 5;
const MIN_PACTIVE_CHANGE = 0.15;

/** How many classes a scheme has in an evaluation. */
export function schemeSize(evaluation: Evaluation, scheme: MovementScheme): number {
  if (scheme === 'tier') return evaluation.tiers.length;
  return scheme === 'abc' ? 3 : LIFECYCLE_HEALTH.length;
}

/**
 * A client's class in a scheme, best = 0; −1 when not recorded. Tiers of the first evaluation are mapped onto the
 * second's by id, so that a renamed or reordered tier still compares; a tier the second
 * does not have keeps its own position.
 */
function classOf(
  columns: EvaluationColumns,
  scheme: MovementScheme,
  i: number,
  tierMap: readonly number[] | null,
): number {
  if (scheme === 'abc') return columns.abc[i] === UNKNOWN_CLASS ? -1 : columns.abc[i]!;
  if (scheme === 'lifecycle') return healthOf(columns.lifecycle[i]!);
  const t = columns.tier[i]!;
  return tierMap ? (tierMap[t] ?? t) : t;
}

/** The lifecycle stage index (into LIFECYCLE_STAGES) at a scheme class. */
export function lifecycleStageAt(healthClass: number): number {
  return LIFECYCLE_HEALTH[healthClass] ?? 0;
}

/**
 * Compares two evaluations in one scheme. Rows of the matrix are the first evaluation's
 * classes (tiers in its own order), columns the second's.
 */
export function compareEvaluations(
  from: Evaluation,
  to: Evaluation,
  scheme: MovementScheme,
): Comparison {
  const rows = schemeSize(from, scheme);
  const cols = schemeSize(to, scheme);
  const matrix = Array.from({ length: rows + 1 }, () => new Array<number>(cols + 1).fill(0));
  const toPositions = positionsOf(to.columns);
  // Direction compares the first evaluation's tier as it maps onto the second's tiers.
  const tierMap =
    scheme === 'tier'
      ? from.tiers.map((tier, t) => {
          const mapped = to.tiers.findIndex((other) => other.id === tier.id);
          return mapped >= 0 ? mapped : t;
        })
      : null;
  const movements: Movement[] = [];
  let compared = 0;
  const a = from.columns;
  const b = to.columns;
  const seen = new Uint8Array(b.clientIds.length);
  a.clientIds.forEach((id, i) => {
    const row = classOf(a, scheme, i, null);
    const j = toPositions.get(id);
    if (j !== undefined) seen[j] = 1;
    if (row < 0) return; // not recorded then: neither counted nor compared
    if (j === undefined) {
      matrix[row]![cols]! += 1;
      return;
    }
    const col = classOf(b, scheme, j, null);
    if (col < 0) return;
    compared += 1;
    matrix[row]![col]! += 1;
    const before = classOf(a, scheme, i, tierMap);
    if (before === col) return;
    const direction = col < before ? 'up' : 'down';
    movements.push({
      clientId: id,
      from: row,
      to: col,
      direction,
      fromRank: i + 1,
      toRank: j + 1,
      reasons: explainMove(from, to, i, j, direction),
    });
  });
  seen.forEach((present, j) => {
    const col = classOf(b, scheme, j, null);
    if (!present && col >= 0) matrix[rows]![col]! += 1;
  });
  movements.sort(
    (x, y) =>
      Math.abs(y.to - moved(y, tierMap)) - Math.abs(x.to - moved(x, tierMap)) ||
      x.toRank - y.toRank,
  );
  return { scheme, matrix, movements, compared };
}

/** The first evaluation's class of a movement, on the second's scale. */
function moved(movement: Movement, tierMap: readonly number[] | null): number {
  return tierMap ? (tierMap[movement.from] ?? movement.from) : movement.from;
}

interface Candidate {
  reason: MovementReason;
  /** How telling, 0–1 (pins: above everything). */
  weight: number;
}

/**
 * Why a client moved: the inputs that changed most in the direction of the move, most
 * telling first; the change of rank when nothing else changed enough to name.
 */
export function explainMove(
  from: Evaluation,
  to: Evaluation,
  i: number,
  j: number,
  direction: 'up' | 'down',
): MovementReason[] {
  const a = from.columns;
  const b = to.columns;
  const sign = direction === 'up' ? 1 : -1;
  const candidates: Candidate[] = [];
  if (b.pinned[j] && !a.pinned[i]) candidates.push({ reason: { kind: 'pinned' }, weight: 2 });
  if (a.pinned[i] && !b.pinned[j]) candidates.push({ reason: { kind: 'unpinned' }, weight: 2 });
  const days = b.daysSincePurchase[j]!;
  const daysBefore = a.daysSincePurchase[i]!;
  if (direction === 'down' && days >= MIN_DAYS_WITHOUT_PURCHASE && days > daysBefore) {
    candidates.push({ reason: { kind: 'noPurchase', days }, weight: Math.min(1, days / 180) });
  }
  const revenue = b.revenue[j]!;
  const revenueBefore = a.revenue[i]!;
  if (direction === 'down' && revenueBefore > 0 && revenue < 0) {
    // Below nothing, a percentage ("−1,821%") says less than the amount refunded on balance.
    candidates.push({ reason: { kind: 'netRefund', amount: revenue }, weight: 1 });
  } else if (revenueBefore > 0) {
    const change = (revenue - revenueBefore) / revenueBefore;
    if (Math.sign(change) === sign && Math.abs(change) >= MIN_REVENUE_CHANGE) {
      candidates.push({
        reason: { kind: 'revenue', percent: Math.round(change * 100) },
        weight: Math.min(1, Math.abs(change)),
      });
    }
  } else if (direction === 'up' && revenue > 0) {
    candidates.push({ reason: { kind: 'firstRevenue', amount: revenue }, weight: 0.8 });
  }
  for (const key of DIMENSION_KEYS) {
    const points = b.dimensions[key][j]! - a.dimensions[key][i]!;
    if (Math.sign(points) === sign && Math.abs(points) >= MIN_DIMENSION_POINTS) {
      candidates.push({
        reason: { kind: 'dimension', dimension: key, points: Math.round(points) },
        weight: Math.min(1, Math.abs(points) / 40),
      });
    }
  }
  const p = b.pActive[j]!;
  const pBefore = a.pActive[i]!;
  if (Math.sign(p - pBefore) === sign && Math.abs(p - pBefore) >= MIN_PACTIVE_CHANGE) {
    candidates.push({
      reason: { kind: 'pActive', from: pBefore, to: p },
      weight: Math.abs(p - pBefore),
    });
  }
  const stage = b.lifecycle[j]!;
  const stageBefore = a.lifecycle[i]!;
  const [health, healthBefore] = [healthOf(stage), healthOf(stageBefore)];
  if (health >= 0 && healthBefore >= 0 && Math.sign(healthBefore - health) === sign) {
    candidates.push({ reason: { kind: 'stage', from: stageBefore, to: stage }, weight: 0.5 });
  }
  if (from.modelUpdatedAt !== to.modelUpdatedAt || from.modelId !== to.modelId) {
    candidates.push({ reason: { kind: 'modelChanged' }, weight: 0.3 });
  }
  candidates.sort((x, y) => y.weight - x.weight);
  const reasons = candidates.slice(0, MAX_REASONS).map((c) => c.reason);
  if (reasons.length > 0) return reasons;
  // Percentiles, quotas and revenue shares move with the others' figures.
  return i === j ? [{ kind: 'others' }] : [{ kind: 'rank', from: i + 1, to: j + 1 }];
}

/**
 * Who is in a cell of `compareEvaluations`' matrix (row: class at the first evaluation, or
 * the "new" row; column: class at the second, or the "gone" column), best ranked first at
 * the second evaluation (gone clients last).
 */
export function cellMembers(
  from: Evaluation,
  to: Evaluation,
  scheme: MovementScheme,
  row: number,
  col: number,
): { clientId: string; rank: number | null }[] {
  const rows = schemeSize(from, scheme);
  const cols = schemeSize(to, scheme);
  const fromPositions = positionsOf(from.columns);
  const toPositions = positionsOf(to.columns);
  const members: { clientId: string; rank: number | null }[] = [];
  if (row === rows) {
    to.columns.clientIds.forEach((id, j) => {
      if (!fromPositions.has(id) && classOf(to.columns, scheme, j, null) === col) {
        members.push({ clientId: id, rank: j + 1 });
      }
    });
    return members;
  }
  from.columns.clientIds.forEach((id, i) => {
    if (classOf(from.columns, scheme, i, null) !== row) return;
    const j = toPositions.get(id);
    const inCell =
      col === cols
        ? j === undefined
        : j !== undefined && classOf(to.columns, scheme, j, null) === col;
    if (inCell) members.push({ clientId: id, rank: j === undefined ? null : j + 1 });
  });
  return members.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
}
