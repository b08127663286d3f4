import type {
  ClientRecord,
  ComplaintRecord,
  FeedbackRecord,
  ScoringDefinition,
  SnapshotRecords,
  TransactionRecord,
} from '$engine/index';
import { collectRecords } from '$backup/sample/collect-records';
import { generateDataset } from '$backup/sample/generate-dataset';
import { SAMPLE_DATASET } from '$backup/sample/plan-dataset';
import { DEFAULT_SCORING_DEFINITION } from '$schema/default-scoring-model';

export const AS_OF = '2026-06-30';

/** A copy of the default model, to change per test. */
export function model(change: (d: ScoringDefinition) => void = () => {}): ScoringDefinition {
  const definition = structuredClone(DEFAULT_SCORING_DEFINITION) as ScoringDefinition;
  change(definition);
  return definition;
}

/** Builds snapshot records from terse literals. */
export function records(parts: {
  clients: (Partial<ClientRecord> & { id: string })[];
  transactions?: (Partial<TransactionRecord> & {
    clientId: string;
    date: string;
    amount: number;
  })[];
  interactions?: { clientId: string; date: string }[];
  feedback?: FeedbackRecord[];
  complaints?: ComplaintRecord[];
}): SnapshotRecords {
  return {
    clients: parts.clients,
    transactions: parts.transactions ?? [],
    interactions: parts.interactions ?? [],
    feedback: parts.feedback ?? [],
    complaints: parts.complaints ?? [],
  };
}

/** The sample dataset's records, as of AS_OF: sixty clients with every kind of record. */
export function sampleRecords(): SnapshotRecords {
  return collectRecords(generateDataset({ ...SAMPLE_DATASET, asOf: AS_OF }));
}
