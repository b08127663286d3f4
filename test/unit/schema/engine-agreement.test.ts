import { describe, expect, it } from 'vitest';
import {
  ABC_CLASSES,
  LIFECYCLE_STAGES,
  RFM_SEGMENTS,
  DIMENSION_KEYS,
  METRIC_KEYS,
  NEED_TYPE_KEYS,
  type ScoringDefinition as EngineDefinition,
} from '$engine/index';
import { NEED_TYPES } from '$schema/client';
import { ABC, SEGMENTS, STAGES } from '$schema/evaluation';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';
import { DIMENSIONS, METRICS, type ScoringDefinition } from '$schema/scoring-model';

/**
 * The engine may not import the schema, so it names the metrics, dimensions and need
 * types itself. These checks keep the two lists, and the two model types, identical.
 */
/** Compiles only while every stored (validated) model is a model the engine can read. */
const asEngineModel = (stored: ScoringDefinition): EngineDefinition => stored;

describe('the schema and the engine', () => {
  it('name the same metrics, dimensions and need types, in the same order', () => {
    expect([...METRICS]).toEqual([...METRIC_KEYS]);
    expect([...DIMENSIONS]).toEqual([...DIMENSION_KEYS]);
    expect([...NEED_TYPES]).toEqual([...NEED_TYPE_KEYS]);
    // An evaluation's classes, as a backup names them.
    expect([...ABC]).toEqual([...ABC_CLASSES]);
    expect([...SEGMENTS]).toEqual([...RFM_SEGMENTS]);
    expect([...STAGES]).toEqual([...LIFECYCLE_STAGES]);
    expect(asEngineModel(DEFAULT_SCORING_DEFINITION).dimensions.value.weight).toBe(40);
  });
});
