/**
 * `@panopticon/zoho-adapter`: reads leads and stage history from Zoho CRM into Panopticon's lead model,
 * cheaply in API credits and robustly under throttling, with a local snapshot for incremental syncs.
 * The fake Zoho server for tests and demos is in `@panopticon/zoho-adapter/testing`.
 *
 * @packageDocumentation
 * @module @panopticon/zoho-adapter
 */
// What the CLI, the docs and the README use, and the shapes of their signatures; the rest (paging,
// retries, mapping, history parsing, the snapshot's format) is internal: tests import it from its module.
export type { ZohoCredentials, TokenProviderOptions, AccessToken } from './auth.js';
export { ZohoClient, type ZohoCallStats, type ZohoClientOptions, type ZohoRequest, type ZohoResponse } from './client.js';
export { ZohoConfigSchema, zohoSyncOptionsFromConfig, type ZohoConfig, type ZohoConfigAppointments } from './config-file.js';
export {
  ZOHO_DATA_CENTERS,
  ZOHO_DATA_CENTER_NAMES,
  resolveHosts,
  zohoRecordUrlTemplate,
  type ResolveHostsOptions,
  type ResolvedHosts,
  type ZohoDataCenter,
  type ZohoDataCenterHosts,
} from './data-centers.js';
export { listModuleFields, type ZohoFieldInfo } from './fields.js';
export { zohoConnectionFromEnv, type ZohoConnection, type ZohoEnv } from './env.js';
export {
  ZohoApiError,
  ZohoAuthError,
  ZohoConfigError,
  ZohoError,
  ZohoNetworkError,
  ZohoRateLimitError,
  type ZohoAttempt,
  type ZohoErrorOptions,
} from './errors.js';
export type { ZohoAppointmentSource, ZohoFieldMapping, ZohoHistoryModuleConfig } from './mapping.js';
export type { ZohoPageInfo, ZohoRecord } from './paging.js';
export type { Redactor } from './redact.js';
export type { RetryPolicy, RetryPolicyOptions } from './retry.js';
export {
  fileSnapshotStore,
  snapshotOrg,
  type FileSnapshotStoreOptions,
  type SnapshotStore,
  type ZohoOrg,
  type ZohoSnapshot,
} from './snapshot.js';
export {
  loadZohoSnapshot,
  snapshotLeads,
  syncLeads,
  type SyncLeadsOptions,
  type ZohoSyncOptions,
  type ZohoSyncProgress,
  type ZohoSyncReport,
  type ZohoSyncResult,
} from './sync.js';
export { lockStore, type LockStoreOptions, type StoreLockHolder } from './store-lock.js';
export { fileTokenCache, type StoredAccessToken, type TokenCache } from './token-cache.js';
