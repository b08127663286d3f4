import type { BgNbdParams } from './bg-nbd-likelihood';
import { expectedPurchasesIfAliveAt } from './expected-purchases-if-alive';

/** A client's history in the model's time unit (see `RfmRow`). */
export interface PurchaseHistory {
  frequency: number;
  recency: number;
  T: number;
}

/**
 * P(alive): the probability that a client with this history is still active at T
 * (Fader, Hardie & Lee 2005, eq. 11):
 *
 *   P(alive) = 1 / (1 + [x > 0] · a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x))
 *
 * computed as the logistic of minus the log of the second term, so a long silence gives
 * a small probability, not 1 / Infinity. The model lets clients drop out only right after
 * a repeat purchase, so a client who has bought once (x = 0) is alive with probability 1.
 */
export function probabilityAlive(params: BgNbdParams, row: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const x = row.frequency;
  if (x === 0) return 1;
  const logOdds =
    Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + row.T) / (alpha + row.recency));
  return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
}

/**
 * Expected number of purchases in the next `t` time units (t ≥ 0) by a client with this
 * history (Fader, Hardie & Lee 2005, eq. 10):
 *
 *   E[Y(t) | x, t_x, T] = P(alive) · E[Y(t) | alive]
 *   E[Y(t) | alive] = (a + b + x − 1) / (a − 1)
 *                     · [1 − ((α + T) / (α + T + t))^(r + x) · ₂F₁(r + x, b + x; a + b + x − 1; z)]
 *   z = t / (α + T + t)
 *
 * See `expectedPurchasesIfAliveAt` for how the second factor is evaluated.
 */
export function expectedPurchases(params: BgNbdParams, row: PurchaseHistory, t: number): number {
  if (!(t > 0)) return 0;
  const out = new Float64Array(1);
  expectedPurchasesIfAliveAt(params, row, [t], out);
  return probabilityAlive(params, row) * out[0]!;
}

/**
 * Expected purchases in (0, t] of a client not seen yet (Fader, Hardie & Lee 2005, eq. 9):
 * (a + b − 1) / (a − 1) · [1 − (α / (α + t))^r · ₂F₁(r, b; a + b − 1; t / (α + t))], which is
 * the conditional expectation above for x = t_x = T = 0.
 */
export function expectedPurchasesNewClient(params: BgNbdParams, t: number): number {
  return expectedPurchases(params, { frequency: 0, recency: 0, T: 0 }, t);
}
