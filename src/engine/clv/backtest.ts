import { fitClvModels, type ClvFitOptions, type TrustLevel } from './fit-clv-models';
import { expectedPurchasesOf } from './purchase-model';
import { expectedSpend } from './gamma-gamma';
import { rfmColumns, type GroupedTransactions, type PurchaseRule } from './rfm-summary';
import { daysToUnit, type TimeUnit } from './units';

/** The model's own accuracy on this client base: fitted on the past, tested on the rest. */
export interface ClvBacktest {
  /** Epoch day the fit's history ends on (the as-of day minus the test period). */
  calibrationEndDay: number;
  /** Length of the test period, in days. */
  holdoutDays: number;
  /** Clients who had bought by the end of the fit's history: the ones predicted. */
  clients: number;
  /** Purchase days they were expected to make in the test period, and made. */
  predictedPurchases: number;
  actualPurchases: number;
  /** The value they were expected to bring in the test period (undiscounted), and brought. */
  predictedValue: number;
  actualValue: number;
  /**
   * Client by client: Σ |predicted − actual value| / Σ actual value (the weighted absolute
   * percentage error). Large when the total is right only because errors cancel out.
   */
  clientError: number;
  /** How far the predictions can be trusted, from these errors (`backtestTrust`). */
  level: TrustLevel;
}

export interface BacktestOptions {
  asOfDay: number;
  unit: TimeUnit;
  purchases?: PurchaseRule;
  purchaseModel?: ClvFitOptions['purchaseModel'];
}

/** Test periods tried, longest first, each with the history it needs before it. */
const PERIODS = [
  { holdoutDays: 182, needsDays: 365 },
  { holdoutDays: 91, needsDays: 182 },
] as const;

/**
 * Fits the lifetime-value models on the history up to a test period before the as-of day
 * (six months, or three for a shorter history), predicts each client's purchases and
 * their value over that period, and compares with what happened, in total and client by
 * client. Only clients who had bought before the period are predicted (the models say
 * nothing of clients not yet met), and refunds count as in the predictions. Null when the
 * history is too short to hold a period back (under six months before it), or when no
 * client had bought by then.
 */
export function backtestClv(
  transactions: GroupedTransactions,
  options: BacktestOptions,
): ClvBacktest | null {
  const { asOfDay, unit } = options;
  const firstDay = firstPurchaseDay(transactions, asOfDay);
  if (firstDay === null) return null;
  const period = PERIODS.find((p) => asOfDay - p.holdoutDays - firstDay >= p.needsDays);
  if (!period) return null;
  const calibrationEndDay = asOfDay - period.holdoutDays;
  const purchases = options.purchases ?? 'positive';
  const past = rfmColumns(transactions, { asOfDay: calibrationEndDay, unit, purchases });
  const models = fitClvModels(past, {
    unit,
    ...(options.purchaseModel ? { purchaseModel: options.purchaseModel } : {}),
  });
  const horizon = daysToUnit(period.holdoutDays, unit);
  const { offsets, day, amount } = transactions;
  const n = past.frequency.length;
  let clients = 0;
  let predictedPurchases = 0;
  let actualPurchases = 0;
  let predictedValue = 0;
  let actualValue = 0;
  let absoluteError = 0;
  for (let c = 0; c < n; c += 1) {
    if (Number.isNaN(past.frequency[c]!)) continue;
    clients += 1;
    const row = {
      frequency: past.frequency[c]!,
      recency: past.recency[c]!,
      T: past.T[c]!,
      monetary: past.monetary[c]!,
    };
    const expected = expectedPurchasesOf(models.purchases, row, horizon);
    const spend = expectedSpend(models.gammaGamma, { ...row, firstValue: past.firstValue[c]! });
    const value = expected * spend * past.kept[c]!;
    const actual = heldOut(offsets[c]!, offsets[c + 1]!, day, amount, calibrationEndDay, asOfDay);
    predictedPurchases += expected;
    predictedValue += value;
    actualPurchases += actual.purchases;
    actualValue += actual.value;
    absoluteError += Math.abs(value - actual.value);
  }
  if (clients === 0) return null;
  const clientError = actualValue > 0 ? absoluteError / actualValue : Infinity;
  const result = {
    calibrationEndDay,
    holdoutDays: period.holdoutDays,
    clients,
    predictedPurchases,
    actualPurchases,
    predictedValue,
    actualValue,
    clientError,
  };
  return { ...result, level: backtestTrust(result) };
}

/** Σ predicted / Σ actual − 1: how far off the total was (+0.2: 20 % too high). */
export function totalError(test: Pick<ClvBacktest, 'predictedValue' | 'actualValue'>): number {
  return test.actualValue > 0 ? test.predictedValue / test.actualValue - 1 : Infinity;
}

/**
 * Trust from the test: high when the total value was within 20 % and the clients'
 * errors were under half the value; medium when the total was within 40 %; low otherwise
 * (or when the period saw no revenue to compare with).
 */
export function backtestTrust(
  test: Pick<ClvBacktest, 'predictedValue' | 'actualValue' | 'clientError'>,
): TrustLevel {
  const error = Math.abs(totalError(test));
  if (error <= 0.2 && test.clientError <= 0.5) return 'high';
  if (error <= 0.4) return 'medium';
  return 'low';
}

/** The first purchase day of the base on or before the as-of day, or null. */
function firstPurchaseDay(transactions: GroupedTransactions, asOfDay: number): number | null {
  const { offsets, day, amount } = transactions;
  let first = Infinity;
  for (let k = 0; k < (offsets[offsets.length - 1] ?? 0); k += 1) {
    if (amount[k]! > 0 && day[k]! <= asOfDay && day[k]! < first) first = day[k]!;
  }
  return first === Infinity ? null : first;
}

/** A client's purchase days (netted by day) and net revenue in (from, to]. */
function heldOut(
  start: number,
  end: number,
  day: ArrayLike<number>,
  amount: ArrayLike<number>,
  from: number,
  to: number,
): { purchases: number; value: number } {
  const nets = new Map<number, number>();
  let value = 0;
  for (let k = start; k < end; k += 1) {
    const d = day[k]!;
    if (d <= from || d > to) continue;
    nets.set(d, (nets.get(d) ?? 0) + amount[k]!);
    value += amount[k]!;
  }
  let purchases = 0;
  for (const net of nets.values()) if (Math.round(net * 100) > 0) purchases += 1;
  return { purchases, value };
}
