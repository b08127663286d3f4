import { itemAt } from '$lib/arrays';
import { createRandom, seedFrom } from '$lib/random';

/** What to generate. `transactions` is met exactly when it is at least the number of buyers. */
export interface DatasetOptions {
  seed: number;
  /** The day the data ends ("today" for the sample); nothing is dated after it. */
  asOf: string;
  clients: number;
  transactions: number;
  /** How far back the first clients were won. */
  years?: number;
}

/** About 60 clients of a small studio over three years. */
export const SAMPLE_DATASET = { seed: 20_240_301, clients: 60, transactions: 720 } as const;
/** The benchmark base: 50,000 clients and 1,000,000 transactions. */
export const LARGE_DATASET = {
  seed: 20_240_301,
  clients: 50_000,
  transactions: 1_000_000,
} as const;

/** Phase one's decision for one client, before any record exists. */
export interface ClientPlan {
  index: number;
  /** Epoch day of the first contact. */
  acquiredDay: number;
  /** Epoch day after which the client buys no more (churned), or the as-of day. */
  endDay: number;
  prospect: boolean;
  churned: boolean;
  transactionCount: number;
}

const PROSPECT_SHARE = 0.07;
const CHURN_SHARE = 0.35;
const MEAN_LIFETIME_DAYS = 320;

/**
 * Phase one: when each client arrives, whether and when it leaves, and how many
 * purchases it makes. Purchase intensity is log-normal across clients (a few buy
 * monthly, most a few times a year) and the exact transaction total is shared out by
 * largest remainder, so a size argument gives exactly that many rows.
 */
export function planDataset(options: DatasetOptions, asOfDay: number): ClientPlan[] {
  const spanDays = Math.round((options.years ?? 3) * 365);
  const firstDay = asOfDay - spanDays;
  const plans: ClientPlan[] = [];
  const weights: number[] = [];
  for (let index = 0; index < options.clients; index += 1) {
    const random = createRandom(seedFrom(options.seed, index));
    // Clients arrive through the whole span, in index order, with jitter.
    const position = (index + random.next()) / options.clients;
    const acquiredDay = firstDay + Math.floor(position * (spanDays - 21));
    const prospect = index >= 3 && random.chance(PROSPECT_SHARE);
    const churned = !prospect && random.chance(CHURN_SHARE);
    const lifetime = Math.round(-Math.log(1 - random.next()) * MEAN_LIFETIME_DAYS);
    const endDay = churned ? Math.min(asOfDay, acquiredDay + lifetime) : asOfDay;
    const retainer = random.chance(0.1);
    const perYear = retainer ? 12 : Math.exp(random.normal() * 0.9) * 4;
    weights.push(prospect ? 0 : perYear * Math.max(30, endDay - acquiredDay + 1));
    plans.push({
      index,
      acquiredDay,
      endDay,
      prospect,
      churned,
      transactionCount: prospect ? 0 : 1,
    });
  }
  shareOut(plans, weights, options.transactions);
  return plans;
}

/** Gives every buyer one purchase, then shares the rest in proportion to `weights`. */
function shareOut(plans: ClientPlan[], weights: number[], total: number): void {
  const buyers = plans.filter((p) => !p.prospect).length;
  const rest = Math.max(0, total - buyers);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (rest === 0 || weightSum === 0) return;
  const remainders: { index: number; fraction: number }[] = [];
  let given = 0;
  plans.forEach((plan, index) => {
    const exact = (rest * (weights[index] ?? 0)) / weightSum;
    const whole = Math.floor(exact);
    plan.transactionCount += whole;
    given += whole;
    remainders.push({ index, fraction: exact - whole });
  });
  remainders.sort((a, b) => b.fraction - a.fraction || a.index - b.index);
  for (let k = 0; k < rest - given; k += 1) {
    itemAt(plans, itemAt(remainders, k).index).transactionCount += 1;
  }
}
