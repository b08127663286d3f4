import { describe, expect, it } from 'vitest';
import type { ClusterProfile } from '$engine/index';
import { clusterColour, CLUSTER_COLOURS, suggestedName } from '$features/segments/cluster-names';
import type { MessageKey } from '$i18n/en';
import { DICTIONARIES, translate } from '$i18n/translate';

const speaker = (locale: 'en' | 'zh-CN') => ({
  t: (key: MessageKey, params?: Record<string, string | number>) =>
    translate(DICTIONARIES[locale], key, params, locale),
});

const profile = (traits: ClusterProfile['traits']): ClusterProfile => ({
  cluster: 0,
  size: 10,
  means: [],
  z: [],
  traits,
});

describe('suggestedName', () => {
  const lapsingSpenders = profile([
    { feature: 'monetaryTotal', high: true, z: 1.4 },
    { feature: 'recencyDays', high: true, z: 0.9 },
  ]);

  it('names a segment from its two strongest traits, in each language', () => {
    expect(suggestedName(lapsingSpenders, speaker('en'))).toBe('Big spenders, lapsing');
    expect(suggestedName(lapsingSpenders, speaker('zh-CN'))).toBe('高消费、久未购买');
    const recent = profile([{ feature: 'recencyDays', high: false, z: -1 }]);
    expect(suggestedName(recent, speaker('en'))).toBe('Recent buyers');
  });

  it('calls a segment without traits typical', () => {
    expect(suggestedName(profile([]), speaker('en'))).toBe('Typical clients');
    expect(suggestedName(profile([]), speaker('zh-CN'))).toBe('普通客户');
  });

  it('gives each of eight segments its own colour', () => {
    expect(new Set(CLUSTER_COLOURS.map((_, c) => clusterColour(c))).size).toBe(8);
  });
});
