import type { NpsGroups } from '$engine/index';
import type { I18n } from '$i18n/i18n.svelte';

/**
 * Recommendation answers in words: the three groups' counts, and the score only once there
 * are enough answers for it to mean something (docs/follow-ups.md, "Satisfaction").
 */
export function npsText(nps: NpsGroups, i18n: Pick<I18n, 't' | 'number'>): string {
  const counts = i18n.t('nps.counts', {
    promoters: i18n.number(nps.promoters),
    passives: i18n.number(nps.passives),
    detractors: i18n.number(nps.detractors),
  });
  return nps.score === null
    ? i18n.t('nps.few', { counts, count: i18n.number(nps.responses) })
    : i18n.t('nps.score', { counts, score: i18n.number(nps.score) });
}
