import { DIMENSION_KEYS, LIFECYCLE_STAGES, type MovementReason } from '$engine/index';
import type { I18n } from '$i18n/i18n.svelte';

/** "−60%" / "+25%": a change, signed, with a true minus sign. */
function signedPercent(i18n: I18n, percent: number): string {
  const text = i18n.percent(Math.abs(percent) / 100);
  return `${percent < 0 ? '−' : '+'}${text}`;
}

/** "−20" / "+12": signed points. */
function signedPoints(points: number): string {
  return `${points < 0 ? '−' : '+'}${Math.abs(points)}`;
}

/** One reason a client moved, in words (docs/scoring.md, "Evaluations"). */
export function reasonText(i18n: I18n, reason: MovementReason): string {
  switch (reason.kind) {
    case 'pinned':
      return i18n.t('reason.pinned');
    case 'unpinned':
      return i18n.t('reason.unpinned');
    case 'noPurchase':
      return i18n.t('reason.noPurchase', { days: reason.days });
    case 'revenue':
      return i18n.t('reason.revenue', { percent: signedPercent(i18n, reason.percent) });
    case 'netRefund':
      return i18n.t('reason.netRefund', { amount: i18n.money(reason.amount) });
    case 'firstRevenue':
      return i18n.t('reason.firstRevenue', { amount: i18n.money(reason.amount) });
    case 'dimension': {
      const key = DIMENSION_KEYS.includes(reason.dimension) ? reason.dimension : 'value';
      return i18n.t('reason.dimension', {
        dimension: i18n.t(`dimension.${key}`),
        points: signedPoints(reason.points),
      });
    }
    case 'pActive':
      return i18n.t('reason.pActive', {
        from: i18n.probability(reason.from),
        to: i18n.probability(reason.to),
      });
    case 'stage':
      return i18n.t('reason.stage', {
        from: i18n.t(`lifecycle.${LIFECYCLE_STAGES[reason.from] ?? 'active'}`),
        to: i18n.t(`lifecycle.${LIFECYCLE_STAGES[reason.to] ?? 'active'}`),
      });
    case 'modelChanged':
      return i18n.t('reason.modelChanged');
    case 'rank':
      return i18n.t('reason.rank', { from: reason.from, to: reason.to });
    case 'others':
      return i18n.t('reason.others');
  }
}

/** Every reason of a move, joined. */
export function reasonsText(i18n: I18n, reasons: readonly MovementReason[]): string {
  return reasons.map((reason) => reasonText(i18n, reason)).join(i18n.t('reason.separator'));
}
