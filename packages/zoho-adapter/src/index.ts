/**
 * `@panopticon/zoho-adapter`: reads leads and stage history from Zoho CRM into Panopticon's lead model,
 * cheaply in API credits and robustly under throttling, with a local snapshot for incremental syncs.
 * The fake Zoho server for tests and demos is in `@panopticon/zoho-adapter/testing`.
 *
 * @packageDocumentation
 * @module @panopticon/zoho-adapter
 */
export { ZohoTokenProvider, type AccessToken, type TokenProviderOptions, type ZohoCredentials } from './auth.js';
export {
  ZohoClient,
  createZohoClient,
  diffStats,
  type ZohoCallStats,
  type ZohoClientOptions,
  type ZohoRequest,
  type ZohoResponse,
} from './client.js';
export { ZohoConfigSchema, zohoSyncOptionsFromConfig, type ZohoConfig, type ZohoConfigAppointments } from './config-file.js';
export {
  ZOHO_DATA_CENTERS,
  ZOHO_DATA_CENTER_NAMES,
  checkBaseUrl,
  crmWebUrl,
  parseDataCenter,
  resolveHosts,
  zohoRecordUrlTemplate,
  type ResolveHostsOptions,
  type ResolvedHosts,
  type ZohoDataCenter,
  type ZohoDataCenterHosts,
} from './data-centers.js';
export { listModuleFields, type ZohoFieldInfo } from './fields.js';
export { formatZohoDateTime, parseZohoDateTime } from './datetime.js';
export { leadsNeedingTimeline, loadResultFromSnapshot, type LeadReadConfig } from './derive.js';
export {
  REQUIRED_ZOHO_ENV,
  createZohoSyncFromEnv,
  syncFromEnv,
  zohoConnectionFromEnv,
  zohoSource,
  type ZohoEnv,
  type ZohoSnapshotSourceOptions,
} from './env.js';
export {
  ZohoApiError,
  ZohoAuthError,
  ZohoConfigError,
  ZohoError,
  ZohoNetworkError,
  ZohoRateLimitError,
  isAbortError,
  type ZohoAttempt,
  type ZohoErrorOptions,
} from './errors.js';
export { appointmentsFromEvents, eventFields, type EventAppointments } from './events.js';
export {
  collapseOwners,
  collapseStages,
  ownerHistoryFromRows,
  parseHistoryRow,
  stageHistoryFromRows,
  type HistoryRow,
} from './history.js';
export { ConcurrencyLimiter, mapLimit } from './limiter.js';
export { mapLeadRecord, type LeadFields, type MapLeadContext, type MappedLead } from './map-lead.js';
export {
  DEFAULT_FIELD_MAPPING,
  DEFAULT_HISTORY_MODULE,
  leadFields,
  resolveAppointmentSource,
  resolveFieldMapping,
  type ResolvedAppointmentSource,
  type ZohoAppointmentSource,
  type ZohoFieldMapping,
  type ZohoHistoryModuleConfig,
} from './mapping.js';
export { messages } from './messages.js';
export {
  MAX_DISCRETE_RECORDS,
  MAX_FIELDS,
  MAX_PER_PAGE,
  checkFields,
  recordPages,
  timelinePages,
  type RecordPage,
  type RecordPagesOptions,
  type TimelinePage,
  type ZohoPageInfo,
  type ZohoRecord,
} from './paging.js';
export { REDACTED, Redactor } from './redact.js';
export {
  DEFAULT_RETRYABLE_STATUSES,
  abortableSleep,
  createRetryPolicy,
  withRetry,
  type RetryPolicy,
  type RetryPolicyOptions,
  type WithRetryOptions,
} from './retry.js';
export {
  SNAPSHOT_FILE,
  SNAPSHOT_FORMAT,
  SNAPSHOT_VERSION,
  checkSnapshotShape,
  emptySnapshot,
  fileSnapshotStore,
  type FileSnapshotStoreOptions,
  type SnapshotStore,
  type ZohoSnapshot,
} from './snapshot.js';
export {
  ZohoSync,
  createZohoSync,
  loadZohoSnapshot,
  resolveReadConfig,
  syncLeads,
  type SyncLeadsOptions,
  type ZohoSyncOptions,
  type ZohoSyncProgress,
  type ZohoSyncReport,
  type ZohoSyncResult,
} from './sync.js';
export { STORE_LOCK_FILE, lockStore, type LockStoreOptions, type StoreLockHolder } from './store-lock.js';
export { TOKEN_CACHE_FILE, fileTokenCache, type StoredAccessToken, type TokenCache } from './token-cache.js';
export { historiesFromTimeline, type TimelineContext, type TimelineHistories } from './timeline.js';
