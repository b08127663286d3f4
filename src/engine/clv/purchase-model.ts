import {
  fitBgNbdColumns,
  fitMbgNbdColumns,
  type BgNbdFit,
  type BgNbdFitOptions,
} from './bg-nbd-fit';
import type { BgNbdColumns, BgNbdParams } from './bg-nbd-likelihood';
import { probabilityAlive, type PurchaseHistory } from './bg-nbd-predict';
import { expectedPurchasesIfAliveAt } from './expected-purchases-if-alive';
import { expectedPurchasesIfAliveMbgAt, probabilityAliveMbg } from './mbg-nbd-predict';

/**
 * The models of the purchase process: MBG/NBD (the default, where a client may drop out
 * right after the first purchase, so a one-time buyer long silent is probably gone) and
 * BG/NBD (where a one-time buyer is always alive). Both have the parameters r, α, a, b.
 */
export const PURCHASE_MODELS = ['mbgnbd', 'bgnbd'] as const;
export type PurchaseModelKind = (typeof PURCHASE_MODELS)[number];

/** A purchase model and its parameters (α in the unit it was fitted in). */
export interface PurchaseModel extends BgNbdParams {
  kind: PurchaseModelKind;
}

/** A fitted purchase model. */
export type PurchaseModelFit = PurchaseModel & BgNbdFit;

/** Fits `kind` on purchase histories (see `fitBgNbd` for the options and guarantees). */
export function fitPurchaseModel(
  kind: PurchaseModelKind,
  columns: BgNbdColumns,
  options: BgNbdFitOptions = {},
): PurchaseModelFit {
  const fit =
    kind === 'mbgnbd' ? fitMbgNbdColumns(columns, options) : fitBgNbdColumns(columns, options);
  return { kind, ...fit };
}

/** P(alive) under the model. */
export function probabilityActive(model: PurchaseModel, row: PurchaseHistory): number {
  return model.kind === 'mbgnbd' ? probabilityAliveMbg(model, row) : probabilityAlive(model, row);
}

/** E[Y(t) | alive] at several horizons under the model, into `out`. */
export function purchasesIfActiveAt(
  model: PurchaseModel,
  row: PurchaseHistory,
  horizons: ArrayLike<number>,
  out: Float64Array,
): void {
  if (model.kind === 'mbgnbd') expectedPurchasesIfAliveMbgAt(model, row, horizons, out);
  else expectedPurchasesIfAliveAt(model, row, horizons, out);
}

/** Expected purchases in the next `t` time units under the model (P(alive) · E[Y(t) | alive]). */
export function expectedPurchasesOf(model: PurchaseModel, row: PurchaseHistory, t: number): number {
  if (!(t > 0)) return 0;
  const out = new Float64Array(1);
  purchasesIfActiveAt(model, row, [t], out);
  return probabilityActive(model, row) * out[0]!;
}
