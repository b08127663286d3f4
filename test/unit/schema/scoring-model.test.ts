import { describe, expect, it } from 'vitest';
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
