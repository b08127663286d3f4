import type { BgNbdParams } from './bg-nbd-likelihood';
import type { PurchaseHistory } from './bg-nbd-predict';
import { expectedPurchasesIfAliveAt } from './expected-purchases-if-alive';

/**
 * MBG/NBD's P(alive) (Batislam, Denizel & Filiztekin 2007, eq. 5):
 *
 *   P(alive) = 1 / (1 + a / (b + x) · ((α + T) / (α + t_x))^(r + x))
 *
 * for every client, one-time buyers (x = 0, t_x = 0) included: their chance of still
 * being active falls as the silence since their only purchase grows. Computed as the
 * logistic of minus the log of the second term.
 */
export function probabilityAliveMbg(params: BgNbdParams, row: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const x = row.frequency;
  const logOdds =
    Math.log(a / (b + x)) + (r + x) * Math.log((alpha + row.T) / (alpha + row.recency));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * MBG/NBD's E[Y(t) | alive, x, T] at several horizons (Wagner & Hoppe 2008):
 *
 *   (a + b + x) / (a − 1) · [1 − ((α + T) / (α + T + t))^(r + x) · ₂F₁(r + x, b + x + 1; a + b + x; z)]
 *
 * which is BG/NBD's expression with b + 1 in place of b — a client alive after x repeat
 * purchases has survived x + 1 chances to drop out, so its dropout probability follows
 * Beta(a, b + x + 1) — and is evaluated by BG/NBD's code with that b.
 */
export function expectedPurchasesIfAliveMbgAt(
  params: BgNbdParams,
  row: PurchaseHistory,
  horizons: ArrayLike<number>,
  out: Float64Array,
): void {
  expectedPurchasesIfAliveAt({ ...params, b: params.b + 1 }, row, horizons, out);
}
