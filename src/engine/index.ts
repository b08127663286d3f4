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
  satisfactionPercent,
  transactionDays,
  type Snapshot,
  type SnapshotRecords,
  type ClientRecord,
  type TransactionRecord,
  type InteractionRecord,
  type FeedbackRecord,
  type ComplaintRecord,
} from './snapshot';
export { mergeSnapshot, patchSnapshotInPlace } from './snapshot-merge';
export {
  computeFeatures,
  updateFeatures,
  type ClientFacts,
  type FeatureOptions,
  type FeatureSet,
  type MetricColumns,
  type PreviousFeatures,
} from './features';
export {
  BalanceTally,
  INVOICE_STATUSES,
  clientBalance,
  invoiceState,
  invoiceStateOf,
  settledBy,
  type Balance,
  type InvoiceState,
  type InvoiceStatus,
} from './invoices';
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
export { compositeOf, tierUp, type TierUp, type TierUpOption, type TierUpScores } from './tier-up';
export {
  ENGINE_VERSION,
  SCORE_STAGES,
  scoreClients,
  topShare,
  type ScoreOptions,
  type ScoreResult,
  type ScoreStage,
} from './score-clients';

// Lifetime value and churn prediction (BG/NBD and Gamma-Gamma): docs/clv.md.
export { TIME_UNITS, type TimeUnit } from './clv/units';
export {
  rfmColumns,
  rfmSummary,
  type GroupedTransactions,
  type PurchaseRecord,
  type PurchaseRule,
  type RfmColumns,
  type RfmColumnsOptions,
  type RfmRow,
  type RfmSummaryOptions,
  type RfmSummaryRow,
} from './clv/rfm-summary';
export { bgNbdLogLikelihood, type BgNbdColumns, type BgNbdParams } from './clv/bg-nbd-likelihood';
export {
  fitBgNbd,
  fitMbgNbd,
  type BgNbdFit,
  type BgNbdFitOptions,
  type BgNbdPrior,
} from './clv/bg-nbd-fit';
export { expectedPurchasesIfAliveMbgAt, probabilityAliveMbg } from './clv/mbg-nbd-predict';
export {
  PURCHASE_MODELS,
  expectedPurchasesOf,
  fitPurchaseModel,
  probabilityActive,
  type PurchaseModel,
  type PurchaseModelFit,
  type PurchaseModelKind,
} from './clv/purchase-model';
export {
  expectedPurchases,
  expectedPurchasesNewClient,
  probabilityAlive,
  type PurchaseHistory,
} from './clv/bg-nbd-predict';
export {
  expectedAverageValue,
  fitGammaGamma,
  type GammaGammaFit,
  type GammaGammaFitOptions,
  type GammaGammaParams,
} from './clv/gamma-gamma';
export {
  DEFAULT_ANNUAL_DISCOUNT_RATE,
  DEFAULT_HORIZON_MONTHS,
  customerLifetimeValue,
  type LifetimeValueOptions,
} from './clv/lifetime-value';
export {
  CONFIDENT_CLIENTS,
  CONFIDENT_REPEAT_BUYERS,
  DEFAULT_PRIOR_SD,
  MIN_CLIENTS,
  MIN_REPEAT_BUYERS,
  TRUST_LEVELS,
  TRUST_REASONS,
  fitClvModels,
  type ClvFitOptions,
  type ClvModels,
  type ClvRow,
  type ClvTrust,
  type TrustLevel,
  type TrustReason,
} from './clv/fit-clv-models';
export {
  CLV_HORIZON_MONTHS,
  PURCHASE_WINDOW_DAYS,
  scoreClv,
  type ClvScores,
  type ClvScoreOptions,
} from './clv/score-clv';
export { combinedTrust, computeClv, type ClvRun, type ComputeClvOptions } from './clv/compute-clv';
export { backtestClv, backtestTrust, totalError, type ClvBacktest } from './clv/backtest';
export { updateClvScores, type PreviousClv } from './clv/update-clv';
export {
  CHART_MONTHS,
  MAX_SCATTER_POINTS,
  YEAR_DAYS,
  dashboardSummary,
  type ChurnEntry,
  type ComplaintEntry,
  type DashboardOptions,
  type DashboardScores,
  type DashboardSummary,
  type OverdueEntry,
} from './dashboard-summary';
export { concentrationCurve, gini, top20Share } from './concentration';
export * from './evaluation';
export { tierFloors, withHysteresis, withUpgradesHeld } from './hysteresis';
export {
  dueFollowUps,
  isSnoozed,
  nextFollowUp,
  type FollowUp,
  type FollowUpBase,
  type FollowUpDue,
  type FollowUpOptions,
  type FollowUpScores,
} from './follow-ups';
export {
  SERIOUS_SEVERITY,
  STALE_COMPLAINT_DAYS,
  hasOpenSeriousComplaint,
  todayAttention,
  type AttentionScores,
  type ChurnItem,
  type OpenComplaintItem,
  type OverdueInvoiceItem,
  type TodayAttention,
} from './today-attention';
export { NPS_MIN_RESPONSES, npsGroups, type NpsGroups } from './satisfaction';
export {
  SATISFACTION_MONTHS,
  satisfactionTrend,
  type SatisfactionTrend,
  type TrendScores,
} from './satisfaction-trend';
export {
  cellMembers,
  compareEvaluations,
  explainMove,
  lifecycleStageAt,
  MAX_REASONS,
  MOVEMENT_SCHEMES,
  schemeSize,
  type Comparison,
  type Movement,
  type MovementReason,
  type MovementScheme,
} from './movements';
export {
  DEFAULT_SEGMENT_FEATURES,
  SEGMENT_FEATURES,
  featureMatrix,
  signedLog,
  type SegmentFeature,
} from './segments/feature-matrix';
export { kmeans, type KMeansResult, type PointMatrix } from './segments/kmeans';
export { silhouette, sampleIndexes, SILHOUETTE_SAMPLE } from './segments/silhouette';
export { pca, project, jacobiEigen, type PcaResult } from './segments/pca';
export { stableOrder, sizeOrder } from './segments/stable-labels';
export {
  CLEAR_STRUCTURE,
  K_RANGE,
  segmentClients,
  type ClusterProfile,
  type PreviousCentroids,
  type Segmentation,
  type SegmentInput,
  type Trait,
} from './segments/segment-clients';
export {
  emailKey,
  hasChinese,
  nameKey,
  nameSimilarity,
  normaliseName,
  phoneKey,
  pinyinKey,
  toHalfWidth,
} from './quality/match-keys';
export {
  CONFLICT_POINTS,
  DUPLICATE_POINTS,
  DUPLICATE_REASONS,
  DUPLICATE_THRESHOLD,
  MAX_BLOCK,
  NAME_SIMILARITY_MIN,
  findDuplicates,
  type DuplicateCandidate,
  type DuplicatePair,
  type DuplicateReason,
  type Romanise,
} from './quality/duplicates';
export { median, medianAbsoluteDeviation, modifiedZ, robustScale } from './quality/robust';
export {
  CLIENT_HISTORY_MIN,
  IMPOSSIBLE_KINDS,
  OUTLIER_Z,
  findImpossibleValues,
  findOutliers,
  isMarkedRefund,
  type CheckedInvoice,
  type DatedRecord,
  type ImpossibleKind,
  type ImpossibleValue,
  type Outlier,
} from './quality/record-checks';
export {
  PROFILE_FIELDS,
  findMissingFields,
  neededFields,
  type MissingField,
  type ProfileField,
} from './quality/missing-fields';
export {
  PENALTY,
  findingId,
  qualityReport,
  type QualityInput,
  type QualityReport,
} from './quality/quality-report';
export {
  ClientMatcher,
  MATCH_RULES,
  type ClientMatch,
  type MatchRule,
  type MatchableClient,
} from './quality/match-clients';
