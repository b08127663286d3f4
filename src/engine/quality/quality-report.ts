import type { ScoringDefinition } from '$engine/model';
import { findDuplicates, type DuplicatePair, type Romanise } from './duplicates';
import type { DuplicateCandidate } from './duplicates';
import {
  findMissingFields,
  neededFields,
  type MissingField,
  type ProfiledClient,
} from './missing-fields';
import {
  findImpossibleValues,
  findOutliers,
  type CheckedInvoice,
  type DatedRecord,
  type ImpossibleValue,
  type Outlier,
} from './record-checks';

/** Everything the report reads. */
export interface QualityInput {
  clients: readonly (DuplicateCandidate & ProfiledClient)[];
  invoices: readonly CheckedInvoice[];
  /** Every dated record (invoices included), for the future-date check. */
  dated: readonly DatedRecord[];
  definition: Pick<ScoringDefinition, 'dimensions'>;
  /** The caller's day, YYYY-MM-DD. */
  today: string;
  /** Findings the user marked "not a problem", by `findingId`. */
  dismissed: ReadonlySet<string>;
  romanise?: Romanise;
}

/** The report: each list without the dismissed findings, and the score. */
export interface QualityReport {
  clients: number;
  /** 0–100 (docs/quality.md): 100 when nothing is found. */
  score: number;
  duplicates: DuplicatePair[];
  outliers: Outlier[];
  impossible: ImpossibleValue[];
  missing: MissingField[];
  /** Findings left out because the user marked them "not a problem". */
  dismissed: number;
}

/** The key a finding is remembered by when marked "not a problem". */
export const findingId = {
  duplicate: (p: Pick<DuplicatePair, 'a' | 'b'>): string => `duplicate:${p.a}:${p.b}`,
  outlier: (o: Pick<Outlier, 'id'>): string => `outlier:${o.id}`,
  impossible: (v: Pick<ImpossibleValue, 'kind' | 'table' | 'id'>): string =>
    `impossible:${v.kind}:${v.table}:${v.id}`,
  missing: (m: Pick<MissingField, 'field'>): string => `missing:${m.field}`,
};

/** Weights of a client's findings in the score (docs/quality.md). */
export const PENALTY = { duplicate: 1, impossible: 1, outlier: 0.5, missing: 0.25 } as const;

/**
 * The data-quality report: likely duplicates, outliers, impossible values and missing
 * profile fields, without those marked "not a problem", and a 0–100 score:
 * 100 × (1 − mean over clients not archived of min(1, penalties)), where a client's
 * penalties are 1 when in a duplicate pair, 1 with an impossible value, 0.5 with an
 * outlier and 0.25 × the share of the model's profile fields it lacks.
 */
export function qualityReport(input: QualityInput): QualityReport {
  const { dismissed } = input;
  let hidden = 0;
  const keep = <T>(items: T[], id: (item: T) => string): T[] =>
    items.filter((item) => {
      const drop = dismissed.has(id(item));
      if (drop) hidden++;
      return !drop;
    });
  const duplicates = keep(findDuplicates(input.clients, input.romanise), findingId.duplicate);
  const outliers = keep(findOutliers(input.invoices), findingId.outlier);
  const impossible = keep(
    findImpossibleValues(input.invoices, input.dated, input.today),
    findingId.impossible,
  );
  const missing = keep(findMissingFields(input.clients, input.definition), findingId.missing);

  const active = input.clients.filter((c) => c.archived !== true);
  const penalty = new Map<string, number>(active.map((c) => [c.id, 0]));
  const add = (id: string, points: number): void => {
    const now = penalty.get(id);
    if (now !== undefined) penalty.set(id, now + points);
  };
  const once = (ids: Iterable<string>, points: number): void => {
    for (const id of new Set(ids)) add(id, points);
  };
  once(
    duplicates.flatMap((p) => [p.a, p.b]),
    PENALTY.duplicate,
  );
  once(
    impossible.map((v) => v.clientId),
    PENALTY.impossible,
  );
  once(
    outliers.map((o) => o.clientId),
    PENALTY.outlier,
  );
  const fields = neededFields(input.definition).length;
  for (const m of missing) {
    for (const id of m.clientIds) add(id, PENALTY.missing / fields);
  }
  let total = 0;
  for (const p of penalty.values()) total += Math.min(1, p);
  const score = active.length === 0 ? 100 : Math.round(100 * (1 - total / active.length));
  return {
    clients: active.length,
    score,
    duplicates,
    outliers,
    impossible,
    missing,
    dismissed: hidden,
  };
}
