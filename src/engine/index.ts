/**
 * The scoring engine: pure functions from a columnar snapshot of the client base and a
 * scoring model to ranks, scores, explanations and tiers. No DOM, no storage, no clock.
 * Formulas: docs/scoring.md.
 */
export * from './model';
export {
  NO_DAY,
  buildSnapshot,
  emptySnapshot,
  mergeSnapshot,
  satisfactionPercent,
  type Snapshot,
  type SnapshotRecords,
  type ClientRecord,
  type TransactionRecord,
  type InteractionRecord,
  type FeedbackRecord,
  type ComplaintRecord,
} from './snapshot';
export { computeFeatures, type MetricColumns, type ClientFacts } from './features';
export { normalise, percentileRanks } from './normalise';
export {
  contribution,
  scoreComposite,
  type CompositeScores,
  type Explanation,
  type MetricSlot,
} from './composite';
export {
  ABC_CLASSES,
  LIFECYCLE_STAGES,
  abcClasses,
  lifecycleStage,
  rankClients,
  scoreTiers,
  type AbcClass,
  type LifecycleStage,
} from './tiers';
export { RFM_SEGMENTS, rfmScores, rfmSegment, type RfmSegment } from './rfm';
export {
  ENGINE_VERSION,
  SCORE_STAGES,
  scoreClients,
  type ScoreOptions,
  type ScoreResult,
  type ScoreStage,
} from './score-clients';
