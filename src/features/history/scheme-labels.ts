import {
  ABC_CLASSES,
  LIFECYCLE_STAGES,
  lifecycleStageAt,
  type EvaluationMeta,
  type MovementScheme,
} from '$engine/index';
import type { I18n } from '$i18n/i18n.svelte';

/** A class of a scheme as shown: its name and, for tiers, its colour. */
export interface ClassLabel {
  name: string;
  colour: string | null;
}

/**
 * The classes of a scheme in an evaluation, best first: its tiers as they were named then,
 * the ABC classes, or the lifecycle stages from healthiest to least healthy.
 */
export function schemeLabels(
  i18n: I18n,
  evaluation: Pick<EvaluationMeta, 'tiers'>,
  scheme: MovementScheme,
): ClassLabel[] {
  if (scheme === 'tier') {
    return evaluation.tiers.map((tier) => ({ name: tier.names[i18n.locale], colour: tier.colour }));
  }
  if (scheme === 'abc') return ABC_CLASSES.map((name) => ({ name, colour: null }));
  return Array.from({ length: LIFECYCLE_STAGES.length }, (_, c) => ({
    name: i18n.t(`lifecycle.${LIFECYCLE_STAGES[lifecycleStageAt(c)] ?? 'active'}`),
    colour: null,
  }));
}
