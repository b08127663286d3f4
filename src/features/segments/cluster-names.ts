import type { ClusterProfile } from '$engine/index';
import type { I18n } from '$i18n/i18n.svelte';

/**
 * Okabe & Ito's eight colours, told apart with the common colour-vision deficiencies;
 * grey in place of their black, which vanishes on the dark theme.
 */
export const CLUSTER_COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#999999',
] as const;

export function clusterColour(cluster: number): string {
  return CLUSTER_COLOURS[cluster % CLUSTER_COLOURS.length] ?? '#999999';
}

/** "Segment 1": clusters are numbered from 1 on screen, from 0 in the engine. */
export function clusterLabel(cluster: number, i18n: Pick<I18n, 't' | 'number'>): string {
  return i18n.t('segments.cluster', { n: i18n.number(cluster + 1) });
}

/**
 * A segment's suggested name from its traits, strongest first: "Big spenders, lapsing",
 * "高消费、久未购买"; "Typical clients" when no measure stands out.
 */
export function suggestedName(profile: ClusterProfile, i18n: Pick<I18n, 't'>): string {
  if (profile.traits.length === 0) return i18n.t('segments.name.typical');
  const words = profile.traits.map((trait) =>
    i18n.t(`segments.trait.${trait.feature}.${trait.high ? 'high' : 'low'}`),
  );
  const name = words.join(i18n.t('segments.name.join'));
  return name.charAt(0).toLocaleUpperCase() + name.slice(1);
}
