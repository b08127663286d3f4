import { describe, expect, it } from 'vitest';
import { findMissingFields, findingId, neededFields, qualityReport } from '$engine/index';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import type { QualityInput } from '$engine/index';

const client = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  email: '',
  phone: '',
  needType: 'price',
  needStrength: 3,
  needUrgency: 3,
  budget: 3,
  growthRoom: 3,
  influence: 3,
  ...extra,
});

const definition = DEFAULT_SCORING_DEFINITION;

function input(extra: Partial<QualityInput> = {}): QualityInput {
  return {
    clients: [
      client('a', 'Acme Ltd'),
      client('b', 'ACME'),
      client('c', 'Other'),
      client('d', 'Fourth'),
    ],
    invoices: [],
    dated: [],
    definition,
    today: '2026-03-01',
    dismissed: new Set(),
    ...extra,
  };
}

describe('missing fields', () => {
  it('names the profile fields the model weighs', () => {
    const needed = neededFields(definition);
    expect(needed.length).toBeGreaterThan(0);
    const none = {
      ...definition,
      dimensions: {
        ...definition.dimensions,
        needs: { weight: 0, metrics: definition.dimensions.needs.metrics },
        potential: { weight: 0, metrics: definition.dimensions.potential.metrics },
      },
    };
    expect(neededFields(none).length).toBeLessThan(needed.length);
  });

  it('lists the active clients who lack each needed field', () => {
    const field = neededFields(definition)[0]!;
    const found = findMissingFields(
      [
        client('a', 'A', { [field]: undefined }),
        client('b', 'B'),
        client('z', 'Z', { [field]: undefined, archived: true }),
      ],
      definition,
    );
    expect(found).toEqual([{ field, clientIds: ['a'] }]);
  });
});

describe('the quality report', () => {
  it('scores 100 with nothing found, and less with each finding', () => {
    expect(qualityReport(input({ clients: [client('a', 'A'), client('b', 'B')] })).score).toBe(100);
    const report = qualityReport(input());
    expect(report.duplicates.map((p) => [p.a, p.b])).toEqual([['a', 'b']]);
    // Two of four clients in a duplicate pair: 100 × (1 − 2/4).
    expect(report.score).toBe(50);
  });

  it('weighs an impossible value 1, an outlier 0.5 and a missing field a share of 0.25', () => {
    const clients = [
      client('a', 'A'),
      client('b', 'B', { budget: undefined }),
      client('c', 'C'),
      client('d', 'D'),
    ];
    const invoices = [
      { id: 't1', clientId: 'a', date: '2026-01-01', amount: -5, reference: '', description: '' },
    ];
    const report = qualityReport(input({ clients, invoices }));
    const share = 0.25 / neededFields(definition).length;
    expect(report.impossible).toHaveLength(1);
    expect(report.score).toBe(Math.round(100 * (1 - (1 + share) / 4)));
  });

  it('leaves out what was marked not a problem, and counts it', () => {
    const first = qualityReport(input());
    const dismissed = new Set([findingId.duplicate(first.duplicates[0]!)]);
    const report = qualityReport(input({ dismissed }));
    expect(report.duplicates).toEqual([]);
    expect(report.dismissed).toBe(1);
    expect(report.score).toBe(100);
  });
});
