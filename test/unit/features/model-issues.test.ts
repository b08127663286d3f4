import { describe, expect, it } from 'vitest';
import { en } from '$i18n/en';
import { DICTIONARIES, translate, type MessageParams } from '$i18n/translate';
import type { MessageKey } from '$i18n/en';
import { errorId, messagesByPath } from '$features/model/model-issues';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import { scoringDefinitionSchema, type ScoringDefinition } from '$schema/scoring-model';

const tEn = (key: MessageKey, params?: MessageParams) => translate(en, key, params);
const tZh = (key: MessageKey, params?: MessageParams) =>
  translate(DICTIONARIES['zh-CN'], key, params);

/** Parses a broken copy of the default model and reads its messages by path. */
function messages(edit: (d: ScoringDefinition) => void, t = tEn): Record<string, string> {
  const draft: unknown = structuredClone(DEFAULT_SCORING_DEFINITION);
  edit(draft as ScoringDefinition); // a copy of a valid definition, broken on purpose
  const result = scoringDefinitionSchema.safeParse(draft);
  return Object.fromEntries(messagesByPath(result.success ? [] : result.error.issues, t));
}

describe('Model view messages', () => {
  it('puts each refusal next to the setting it is about, in plain words', () => {
    expect(
      messages((d) => {
        d.dimensions.value.weight = -1;
        d.lifecycle.newDays = 2.5;
        d.abc.aPercent = 100;
        d.tiers.levels[0]!.colour = 'gold';
        d.tiers.levels[1]!.names.en = ' ';
      }),
    ).toEqual({
      'dimensions.value.weight': 'Enter at least 0.',
      'lifecycle.newDays': 'Enter a whole number.',
      'abc.aPercent': 'Enter a number below 100.',
      'tiers.levels.0.colour': 'Use a colour like #1f5f8b.',
      'tiers.levels.1.names.en': 'Enter a name.',
    });
  });

  it('says "enter a number" for a cleared field', () => {
    expect(
      messages((d) => {
        (d.dimensions.needs as { weight: unknown }).weight = null; // what a cleared input gives
      }),
    ).toEqual({ 'dimensions.needs.weight': 'Enter a number.' });
  });

  it('words the model rules from the dictionary, in the interface language', () => {
    const zeroWeights = (d: ScoringDefinition) => {
      for (const spec of Object.values(d.dimensions)) spec.weight = 0;
      d.tiers.levels[2]!.minScore = 60;
    };
    expect(messages(zeroWeights)).toEqual({
      dimensions: en['model.invalid.allDimensionsZero'],
      'tiers.levels': en['model.invalid.thresholdsOverlap'],
    });
    expect(messages(zeroWeights, tZh)).toEqual({
      dimensions: DICTIONARIES['zh-CN']['model.invalid.allDimensionsZero'],
      'tiers.levels': DICTIONARIES['zh-CN']['model.invalid.thresholdsOverlap'],
    });
  });

  it('names message elements by path, usable as ids', () => {
    expect(errorId('tiers.levels.0.names.zh-CN')).toBe('model-error-tiers-levels-0-names-zh-CN');
  });
});
