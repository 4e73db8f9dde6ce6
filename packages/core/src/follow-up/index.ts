// Re-exports only: the public surface of the follow-up metrics (internal helpers stay unexported).
export type { FollowUpOptions } from './options.js';
export { stageAt } from './stage-at.js';
export { FOLLOW_UP_STATUSES } from './statuses.js';
export type { FollowUpStatus } from './statuses.js';
export { followUpStatus, followUp } from './status.js';
export type { FollowUp } from './status.js';
export { ATTENTION_REASONS } from './reasons.js';
export type { AttentionReason } from './reasons.js';
export { needsAttention } from './attention.js';
export type { AttentionRow, NeedsAttentionOptions } from './attention.js';
export { stageVisits } from './stage-visits.js';
export type { StageVisit, StageVisitsOptions } from './stage-visits.js';
export { timeInStage } from './time-in-stage.js';
export type { TimeInStageRow, TimeInStageOptions } from './time-in-stage.js';
export { pipelineSnapshot } from './pipeline-snapshot.js';
export type { PipelineSnapshotRow, PipelineSnapshotOptions } from './pipeline-snapshot.js';
export { pipelineTrend } from './pipeline-trend.js';
export type { PipelineTrendRow, PipelineTrendOptions } from './pipeline-trend.js';
export { conversion } from './conversion.js';
export type { Conversion, ConversionOptions } from './conversion.js';
export { greenToDelivery } from './green-to-delivery.js';
export type { GreenToDelivery, GreenToDeliveryRow, GreenToDeliveryOptions } from './green-to-delivery.js';
export { timeToIntervention } from './intervention.js';
export type { TimeToIntervention, InterventionRow, TimeToInterventionOptions } from './intervention.js';
export { locatorScorecard } from './scorecard.js';
export type { LocatorScorecardRow, LocatorScorecardOptions } from './scorecard.js';
export { kpis } from './kpis.js';
export type { Kpis, KpisOptions } from './kpis.js';
// Leads as columns (loadCsvColumnar returns them; columnarLeadsOf lays out Lead objects): every follow-up metric takes either.
export { columnarLeadsOf } from './columnar-leads.js';
export type { ColumnarLeads } from './columnar-leads.js';
export { UNASSIGNED_LOCATOR, FOLLOW_UP_STATUS_LABELS, ATTENTION_REASON_LABELS } from './messages.js';
// What changed on the needs-attention list between an earlier list (or what was last reported) and asOf.
export { attentionChanges, ATTENTION_RESOLUTIONS } from './attention-changes.js';
export type {
  AttentionChange,
  AttentionChanges,
  AttentionChangesOptions,
  AttentionEntry,
  AttentionResolution,
  ResolvedAttention,
} from './attention-changes.js';
