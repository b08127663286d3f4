import type { EvaluationTier } from '$engine/index';
import type { HistoryComparison, NamedMovement } from '$worker/history-service';

/** What the movement helpers read of a comparison between two evaluations. */
type Compared = Pick<HistoryComparison, 'from' | 'to' | 'matrix'>;

/** The tier movements chart's bars: one per tier at the first evaluation, stacked by the second's. */
export interface MovementBars {
  /** A bar per tier at the first evaluation (null: new since), with its row of the matrix. */
  bars: { row: number; tier: EvaluationTier | null }[];
  /** A stack per tier at the second evaluation (null: gone since): clients per bar. */
  stacks: { col: number; tier: EvaluationTier | null; counts: number[] }[];
}

const sum = (values: readonly number[]): number => values.reduce((s, x) => s + x, 0);

/**
 * The matrix of a comparison as stacked bars. Every tier of either evaluation is shown,
 * even empty; the "new since" bar and the "gone since" stack only when someone is in them.
 */
export function movementBars({ from, to, matrix }: Compared): MovementBars {
  const rows = from.tiers.length;
  const cols = to.tiers.length;
  const cell = (row: number, col: number): number => matrix[row]?.[col] ?? 0;
  const bars: MovementBars['bars'] = from.tiers.map((tier, row) => ({ row, tier }));
  if (sum(matrix[rows] ?? []) > 0) bars.push({ row: rows, tier: null });
  const stacks: MovementBars['stacks'] = to.tiers.map((tier, col) => ({
    col,
    tier,
    counts: bars.map((bar) => cell(bar.row, col)),
  }));
  const gone = bars.map((bar) => cell(bar.row, cols));
  if (sum(gone) > 0) stacks.push({ col: cols, tier: null, counts: gone });
  return { bars, stacks };
}

/**
 * Tiers counted as valuable for the attention panel: the best and the second-best. A
 * client who was in one of them and is now in a lower tier is worth a look.
 */
export const VALUABLE_TIERS = 2;

/**
 * The downgrades of valuable clients (see VALUABLE_TIERS): how many there are, counted
 * from the matrix (the lists are capped), and those listed, largest drops first. A tier is
 * compared by its id, so that a renamed or reordered tier still compares (as the worker
 * does).
 */
export function valuableDowngrades(comparison: Compared & Pick<HistoryComparison, 'downgrades'>): {
  total: number;
  listed: NamedMovement[];
} {
  const { from, to, matrix } = comparison;
  let total = 0;
  from.tiers.slice(0, VALUABLE_TIERS).forEach((tier, row) => {
    const mapped = to.tiers.findIndex((other) => other.id === tier.id);
    const before = mapped >= 0 ? mapped : row;
    for (let col = before + 1; col < to.tiers.length; col += 1) total += matrix[row]?.[col] ?? 0;
  });
  const listed = comparison.downgrades.filter((movement) => movement.from < VALUABLE_TIERS);
  return { total, listed };
}
