import { countTiers, type Evaluation } from '$engine/index';
import type { TierwiseDb } from '$db/database';
import {
  addEvaluationRows,
  readEvaluationRows,
  type StoredEvaluation,
  type StoredEvaluationColumns,
} from '$db/evaluation-store';
import type { EvaluationRecord } from '$schema/evaluation';
import { columnsFromRecord, recordFromColumns } from './evaluation-columns';
import { PACK_FORMAT, packColumns, unpackColumns } from './evaluation-pack';

/**
 * Evaluations between their three forms: the engine's (typed columns), the database's
 * (meta and packed columns, `$db/evaluation-store`) and the backup's (JSON columns).
 */

/** The two rows an evaluation is stored as. */
export function storedRows(
  evaluation: Evaluation,
  stamps: { createdAt: string; updatedAt: string },
): { meta: StoredEvaluation; columns: StoredEvaluationColumns } {
  const { columns, ...meta } = evaluation;
  return {
    meta: { ...meta, ...stamps },
    columns: { id: evaluation.id, format: PACK_FORMAT, packed: packColumns(columns) },
  };
}

/** An evaluation read from a backup, as the engine compares it. */
export function evaluationFromRecord(record: EvaluationRecord): Evaluation {
  const { id, asOf, takenAt, trigger, label, modelId, modelUpdatedAt, engineVersion, tiers } =
    record;
  const columns = columnsFromRecord(record);
  return {
    id,
    asOf,
    takenAt,
    trigger,
    label,
    modelId,
    modelUpdatedAt,
    engineVersion,
    tiers,
    clients: columns.clientIds.length,
    tierCounts: countTiers(columns.tier, tiers.length),
    columns,
  };
}

function columnsOf(meta: StoredEvaluation, columns: StoredEvaluationColumns) {
  if ('plain' in columns) return columnsFromRecord(columns.plain);
  // A layout this build does not know is never misread as its own.
  if (columns.format !== PACK_FORMAT) {
    throw new RangeError(`Evaluation ${meta.id} is packed in format ${columns.format}.`);
  }
  return unpackColumns(columns.packed, meta.clients);
}

/** An evaluation as a backup writes it. */
export function recordFromStored(
  meta: StoredEvaluation,
  columns: StoredEvaluationColumns,
): EvaluationRecord {
  const { id, createdAt, updatedAt, asOf, takenAt, trigger, label, modelId } = meta;
  const body = 'plain' in columns ? columns.plain : recordFromColumns(columnsOf(meta, columns));
  return {
    id,
    createdAt,
    updatedAt,
    asOf,
    takenAt,
    trigger,
    label,
    modelId,
    modelUpdatedAt: meta.modelUpdatedAt,
    engineVersion: meta.engineVersion,
    tiers: [...meta.tiers],
    ...body,
  };
}

/**
 * Backup records ready to write: every `evaluations` record (the backup's form) becomes
 * its two stored rows; the other tables pass through.
 */
export function withStoredEvaluations(
  rows: Readonly<Record<string, readonly unknown[]>>,
): Record<string, readonly unknown[]> {
  // Records of the backup's `evaluations`, validated by evaluationSchema.
  const records = rows['evaluations'] as readonly EvaluationRecord[] | undefined;
  if (records === undefined) return { ...rows };
  const stored = records.map(({ createdAt, updatedAt, ...record }) =>
    storedRows(evaluationFromRecord({ createdAt, updatedAt, ...record }), { createdAt, updatedAt }),
  );
  return {
    ...rows,
    evaluations: stored.map((s) => s.meta),
    evaluationColumns: stored.map((s) => s.columns),
  };
}

/** One evaluation with its columns; undefined when there is no such evaluation. */
export async function readEvaluation(
  db: TierwiseDb,
  id: string,
): Promise<(Evaluation & StoredEvaluation) | undefined> {
  const rows = await readEvaluationRows(db, id);
  return rows && { ...rows.meta, columns: columnsOf(rows.meta, rows.columns) };
}

/** Writes a new evaluation. */
export async function saveEvaluation(
  db: TierwiseDb,
  evaluation: Evaluation,
  now: Date,
): Promise<StoredEvaluation> {
  const stamp = now.toISOString();
  const { meta, columns } = storedRows(evaluation, { createdAt: stamp, updatedAt: stamp });
  await addEvaluationRows(db, meta, columns);
  return meta;
}
