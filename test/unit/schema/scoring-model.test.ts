import { describe, expect, it } from 'vitest';
import { evaluationDay } from '$schema/settings';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import { DIMENSIONS, scoringDefinitionSchema, type ScoringDefinition } from '$schema/scoring-model';

const clone = (): ScoringDefinition => structuredClone(DEFAULT_SCORING_DEFINITION);
const messages = (definition: unknown): string[] => {
  const result = scoringDefinitionSchema.safeParse(definition);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
};

describe('the scoring model schema', () => {
  it('accepts the default model, which covers all four dimensions', () => {
    expect(messages(DEFAULT_SCORING_DEFINITION)).toEqual([]);
    for (const dimension of DIMENSIONS) {
      expect(DEFAULT_SCORING_DEFINITION.dimensions[dimension].metrics.length).toBeGreaterThan(0);
    }
  });

  it('refuses all-zero dimension weights', () => {
    const model = clone();
    for (const dimension of DIMENSIONS) model.dimensions[dimension].weight = 0;
    expect(messages(model)).toEqual(['At least one dimension needs a weight above zero.']);
  });

  it('refuses overlapping thresholds and quotas that do not add up', () => {
    const model = clone();
    model.tiers.levels[1]!.minScore = 80;
    expect(messages(model)).toEqual(['Each tier must start below the tier above it.']);
    const quotas = clone();
    quotas.tiers.method = 'quotas';
    quotas.tiers.levels[0]!.quotaPercent = 50;
    expect(messages(quotas)).toEqual(['The tier quotas must add up to 100%.']);
  });

  it('refuses ABC cut-offs that leave nothing for C, and churn before dormancy', () => {
    const model = clone();
    model.abc = { aPercent: 85, bPercent: 15 };
    model.lifecycle.churnedDays = 100;
    expect(messages(model)).toEqual([
      'A and B together must leave some revenue for C.',
      'A client must be dormant before being churned.',
    ]);
  });
});

describe('the scoring model schema, as the Model view edits it', () => {
  const keys = (definition: unknown): unknown[] => {
    const result = scoringDefinitionSchema.safeParse(definition);
    if (result.success) return [];
    return result.error.issues.map((issue) =>
      issue.code === 'custom' ? (issue.params as { key?: string } | undefined)?.key : issue.code,
    );
  };

  it('names a message key for every refusal it makes itself', () => {
    const model = clone();
    for (const dimension of DIMENSIONS) model.dimensions[dimension].weight = 0;
    model.tiers.levels[2]!.minScore = 55;
    expect(keys(model)).toEqual([
      'model.invalid.allDimensionsZero',
      'model.invalid.thresholdsOverlap',
    ]);
  });

  it('refuses a weighted dimension whose measures all weigh nothing, not an unweighted one', () => {
    const model = clone();
    for (const entry of model.dimensions.needs.metrics) entry.weight = 0;
    expect(messages(model)).toEqual([
      'A dimension with a weight needs at least one measure with a weight above zero.',
    ]);
    expect(scoringDefinitionSchema.safeParse(model).error?.issues[0]?.path).toEqual([
      'dimensions',
      'needs',
    ]);
    model.dimensions.needs.weight = 0;
    expect(messages(model)).toEqual([]);
  });

  it('refuses a measure listed twice in a dimension and two tiers with one id', () => {
    const model = clone();
    model.dimensions.value.metrics.push({ ...model.dimensions.value.metrics[0]! });
    model.tiers.levels[1]!.id = 'vip';
    expect(messages(model)).toEqual([
      'A measure may appear only once in a dimension.',
      'Each tier needs its own id.',
    ]);
  });

  it('refuses equal thresholds, which would leave the lower tier empty', () => {
    const model = clone();
    model.tiers.levels[3]!.minScore = 35;
    expect(messages(model)).toEqual(['Each tier must start below the tier above it.']);
    // With quotas the thresholds are not used, so they may overlap.
    model.tiers.method = 'quotas';
    expect(messages(model)).toEqual([]);
  });

  it('refuses a churn P(active) limit above the dormant one, and accepts equal limits', () => {
    const model = clone();
    model.lifecycle.churnedBelow = 0.6;
    expect(messages(model)).toEqual([
      'The P(active) limit for churned may not be above the one for dormant.',
    ]);
    model.lifecycle.churnedBelow = 0.5;
    expect(messages(model)).toEqual([]);
  });
});

describe('the evaluation date', () => {
  it('is today unless a fixed date is set', () => {
    expect(evaluationDay({}, '2026-12-01')).toBe('2026-12-01');
    expect(evaluationDay({ evaluationDate: 'today' }, '2026-12-01')).toBe('2026-12-01');
    expect(evaluationDay({ evaluationDate: '2011-12-09' }, '2026-12-01')).toBe('2011-12-09');
  });
});
