import {
  ABC_CLASSES,
  DIMENSION_KEYS,
  LIFECYCLE_STAGES,
  RFM_SEGMENTS,
  UNKNOWN_CLASS,
  type DimensionKey,
  type EvaluationColumns,
} from '$engine/index';
import type { EvaluationRecord } from '$schema/evaluation';

/**
 * Between an evaluation as a backup holds it (JSON columns, names for classes, null for
 * "none") and the typed columns the engine compares (indexes, NaN and −1).
 */

type RecordColumns = Omit<
  EvaluationRecord,
  | 'id'
  | 'createdAt'
  | 'updatedAt'
  | 'asOf'
  | 'takenAt'
  | 'trigger'
  | 'label'
  | 'modelId'
  | 'modelUpdatedAt'
  | 'engineVersion'
  | 'tiers'
>;

const indexIn =
  (names: readonly string[]) =>
  (name: string): number =>
    names.indexOf(name);
const nanForNull = (value: number | null): number => value ?? Number.NaN;
const minusOneForNull = (value: number | null): number => value ?? -1;

/** Typed columns from a record's; a column the record does not hold is "not recorded". */
export function columnsFromRecord(record: RecordColumns): EvaluationColumns {
  const n = record.clientIds.length;
  const classes = (values: readonly string[] | undefined, names: readonly string[]) =>
    values ? Uint8Array.from(values, indexIn(names)) : new Uint8Array(n).fill(UNKNOWN_CLASS);
  const flags = (values: readonly boolean[] | undefined) =>
    values ? Uint8Array.from(values, (v) => (v ? 1 : 0)) : new Uint8Array(n);
  const floats = (values: readonly (number | null)[] | undefined) =>
    values ? Float32Array.from(values, nanForNull) : new Float32Array(n).fill(Number.NaN);
  const days = (values: readonly (number | null)[] | undefined) =>
    values ? Int32Array.from(values, minusOneForNull) : new Int32Array(n).fill(-1);
  return {
    clientIds: [...record.clientIds],
    tier: Uint8Array.from(record.tier),
    pinned: flags(record.pinned),
    score: Float32Array.from(record.score),
    abc: classes(record.abc, ABC_CLASSES),
    segment: classes(record.segment, RFM_SEGMENTS),
    lifecycle: classes(record.lifecycle, LIFECYCLE_STAGES),
    pActive: floats(record.pActive),
    churnWarning: flags(record.churnWarning),
    revenue: record.revenue
      ? Float64Array.from(record.revenue)
      : new Float64Array(n).fill(Number.NaN),
    daysSincePurchase: days(record.daysSincePurchase),
    daysSinceContact: days(record.daysSinceContact),
    dimensions: Object.fromEntries(
      DIMENSION_KEYS.map((key) => [key, floats(record.dimensions?.[key])]),
    ) as Record<DimensionKey, Float32Array>, // one entry per dimension key
  };
}

/** Two decimals: what a score is shown and kept with. */
const hundredths = (value: number): number => Math.round(value * 100) / 100;
/** Four decimals for P(active), a share. */
const tenThousandths = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * A record's columns from typed ones. An evaluation brought forward from format 2 (no ABC
 * class recorded) keeps only tier and score, as it came.
 */
export function recordFromColumns(columns: EvaluationColumns): RecordColumns {
  const known = (values: Uint8Array): boolean => values.every((v) => v !== UNKNOWN_CLASS);
  // `known` has checked every value names an entry; the fallback only satisfies the types.
  const names = <T extends string>(values: Uint8Array, list: readonly T[], fallback: T): T[] =>
    Array.from(values, (v) => list[v] ?? fallback);
  const nullable = (values: Float32Array, round: (v: number) => number): (number | null)[] =>
    Array.from(values, (v) => (Number.isNaN(v) ? null : round(v)));
  const days = (values: Int32Array): (number | null)[] =>
    Array.from(values, (v) => (v < 0 ? null : v));
  const recorded = known(columns.abc);
  return {
    clientIds: [...columns.clientIds] as EvaluationRecord['clientIds'], // ids of stored clients
    tier: Array.from(columns.tier),
    score: Array.from(columns.score, hundredths),
    ...(recorded
      ? {
          pinned: Array.from(columns.pinned, Boolean),
          abc: names(columns.abc, ABC_CLASSES, 'C'),
          segment: names(columns.segment, RFM_SEGMENTS, 'none'),
          lifecycle: names(columns.lifecycle, LIFECYCLE_STAGES, 'prospect'),
          pActive: nullable(columns.pActive, tenThousandths),
          churnWarning: Array.from(columns.churnWarning, Boolean),
          revenue: Array.from(columns.revenue, hundredths),
          daysSincePurchase: days(columns.daysSincePurchase),
          daysSinceContact: days(columns.daysSinceContact),
          dimensions: Object.fromEntries(
            DIMENSION_KEYS.map((key) => [key, nullable(columns.dimensions[key], hundredths)]),
          ) as Record<DimensionKey, (number | null)[]>, // one entry per dimension key
        }
      : {}),
  };
}
