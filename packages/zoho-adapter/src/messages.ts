/**
 * Every error, warning and progress text of the package, in one place so wording stays consistent and
 * tests can match it. Messages name the bad value and say what to do. None of them ever receives a token
 * or a secret; the client still passes each through its redactor as a second line of defence.
 */
import type { ZohoAttempt } from './errors.js';

const DOCS = 'docs/zoho.md';
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The narrowest scope that reads a module's records: `ZohoCRM.modules.{module}.READ`.
 *
 * @example
 * ```ts
 * moduleScope('Lead_Status_History'); // 'ZohoCRM.modules.lead_status_history.READ'
 * ```
 */
export function moduleScope(module: string): string {
  return `ZohoCRM.modules.${module.toLowerCase()}.READ`;
}

/**
 * Every error, warning and progress text of the adapter, so tests can match them and wording stays
 * consistent.
 *
 * @example
 * ```ts
 * expect(() => parseDataCenter('mars')).toThrow(messages.unknownDataCenter('mars', ZOHO_DATA_CENTER_NAMES));
 * expect(() => zohoConnectionFromEnv({})).toThrow(messages.missingEnv(REQUIRED_ZOHO_ENV));
 * ```
 */
export const messages = {
  // Configuration
  storeLocked: (store: string, holder: { pid: number; host: string; startedAt: string }) =>
    `Another sync is writing to ${store}: process ${holder.pid} on ${holder.host}, started ${holder.startedAt}. ` +
    `Wait for it to finish (without --no-wait, a sync waits by itself).`,
  waitingForLock: (pid: number) => `Waiting for the sync of process ${pid} to finish (one sync at a time per store) …`,
  unknownDataCenter: (value: string, names: readonly string[]) =>
    `Unknown Zoho data center ${JSON.stringify(value)}. Use one of ${names.join(', ')} (ZOHO_DC or zoho.dataCenter): the one in your Zoho CRM address, e.g. crm.zoho.eu → EU; for another data center (UK: accounts.zoho.uk) set ZOHO_ACCOUNTS_URL and ZOHO_API_DOMAIN.`,
  badUrl: (what: string, value: string) =>
    `${what} is not a URL: ${JSON.stringify(value)}. Give a full URL such as https://accounts.zoho.eu.`,
  insecureUrl: (what: string, origin: string) =>
    `${what} ${origin} is not https. Tokens and secrets are only sent over https (plain http is allowed for 127.0.0.1/localhost only).`,
  missingCredentials: (missing: readonly string[]) =>
    `Zoho credentials are incomplete: ${missing.join(', ')} missing. Set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN (see ${DOCS}).`,
  missingEnv: (names: readonly string[]) =>
    `Missing environment variable${names.length === 1 ? '' : 's'} ${names.join(', ')}. Create a Zoho self-client and a refresh token as described in ${DOCS}.`,
  mappingRequired: (key: string) => `Field mapping "${key}" must name a Zoho field (API name); it cannot be empty.`,
  fieldsMissing: (module: string) => `No fields to read from ${module}: Zoho requires the "fields" parameter when listing records.`,
  tooManyFields: (module: string, n: number, max: number) =>
    `${n} fields requested from ${module}, but Zoho returns at most ${max} per call. Remove some extra fields from the mapping.`,
  syncRunning: () => 'A sync is already running on this ZohoSync instance; wait for it to finish.',
  badHistorySince: (value: unknown) => `historySince is not a date: ${JSON.stringify(value)}. Give an ISO date such as 2025-06-01.`,
  badConcurrency: (value: unknown) => `concurrency must be an integer from 1 to 25 (your edition's limit), got ${JSON.stringify(value)}.`,

  // Tokens
  tokenRefused: (code: string | undefined, description: string | undefined, status: number, dc: string) => {
    switch (code) {
      case 'invalid_client':
        return (
          `Zoho refused the client credentials (invalid_client) at the accounts server of data center ${dc}. ` +
          `Most often the data center is wrong: a client exists only in the DC where it was created (set ZOHO_DC, e.g. EU for crm.zoho.eu). ` +
          `Otherwise ZOHO_CLIENT_ID or ZOHO_CLIENT_SECRET is wrong.`
        );
      case 'invalid_code':
        return (
          `Zoho refused the refresh token (invalid_code) at data center ${dc}. It was revoked, mistyped, pushed out by newer tokens ` +
          `(Zoho keeps 20 per client), or belongs to another data center. Generate a new one (${DOCS}) or check ZOHO_DC.`
        );
      case 'Access Denied':
      case 'access_denied':
        return (
          `Zoho is throttling token requests (${code}${description ? `: ${description}` : ''}): at most 10 access tokens may be minted per refresh token in 10 minutes. ` +
          `Wait 10 minutes, and make sure only one process syncs with these credentials at a time.`
        );
      case undefined:
        return `The Zoho accounts server (${dc}) answered HTTP ${status} without an access token or an error code. Check ZOHO_ACCOUNTS_URL and ZOHO_DC.`;
      default:
        return `Zoho refused to mint an access token at data center ${dc}: ${code}${description ? ` (${description})` : ''}. Check the credentials and ZOHO_DC (${DOCS}).`;
    }
  },
  tokenHttpError: (status: number, dc: string) =>
    `The Zoho accounts server (${dc}) answered HTTP ${status} when refreshing the access token.`,

  // API
  apiAuth: (
    what: string,
    code: string,
    zohoMessage: string | undefined,
    afterRefresh: boolean,
    dc: string,
    scope = 'ZohoCRM.modules.leads.READ',
  ) =>
    code === 'OAUTH_SCOPE_MISMATCH'
      ? `${what}: the token lacks the scope ${scope} (OAUTH_SCOPE_MISMATCH${zohoMessage ? `: ${zohoMessage}` : ''}). Generate a new refresh token whose scopes include ${scope} (${DOCS}).`
      : `${what}: Zoho refused the access token (${code}${zohoMessage ? `: ${zohoMessage}` : ''})${afterRefresh ? ' even after minting a fresh one' : ''}. ` +
        `The usual causes: the API domain belongs to another data center than the token (now ${dc}; check ZOHO_DC / ZOHO_API_DOMAIN), or the refresh token was revoked.`,
  rateLimited: (what: string, limit: number) =>
    `${what}: Zoho answered 429 TOO_MANY_REQUESTS (the concurrency limit or the daily API credits). This client sends at most ${limit} requests at once; lower zoho.concurrency in panopticon.config.json, or wait for credits to free up.`,
  apiError: (what: string, status: number, code: string, zohoMessage: string | undefined, details: unknown) => {
    const hint = API_HINTS[code];
    const detail = details && typeof details === 'object' && Object.keys(details).length ? ` ${JSON.stringify(details)}` : '';
    return `${what}: Zoho answered ${status} ${code}${zohoMessage ? ` (${zohoMessage})` : ''}${detail}.${hint ? ` ${hint}` : ''}`;
  },
  invalidJson: (method: string, path: string, status: number) => `${method} ${path}: Zoho answered ${status} with a body that is not JSON.`,
  missingPageToken: (module: string, after: number) =>
    `${module}: Zoho said more records follow after ${after.toLocaleString('en-US')}, but gave no next_page_token to reach them.`,
  tooManyPages: (module: string, max: number) => `${module}: stopped after ${max} pages (Zoho's reach is 100,000 records per listing).`,

  // Network and retries
  network: (what: string, code: string, error: unknown) =>
    `${what}: no response from Zoho (${code}${error instanceof Error && error.message && error.message !== code ? `: ${error.message}` : ''}).`,
  timeout: (what: string) => `${what}: Zoho did not answer in time.`,
  abortedRequest: (what: string) => `${what}: aborted.`,
  aborted: () => 'The request was aborted.',
  unexpected: (error: unknown) => `Unexpected error: ${error instanceof Error ? error.message : String(error)}`,
  attemptsSuffix: (tries: readonly ZohoAttempt[]) =>
    ` Gave up after ${plural(tries.length, 'attempt')} (${tries.map((t) => (t.status === undefined ? t.code : `${t.status} ${t.code}`)).join(', ')}).`,

  // Records
  numericId: () => 'The record id is a number, not a string: Zoho ids exceed 2^53 and lose digits as numbers. The record was rejected.',
  missingId: () => 'The record has no id. It was rejected.',
  missingStage: (field: string) =>
    `The stage field ${field} is empty ("-None-"). The lead was rejected; give it a stage in Zoho or map another field.`,
  missingTimestamp: (field: string) => `${field} is empty. The lead was rejected.`,
  badTimestamp: (field: string) => `${field} is not a date-time (expected e.g. 2024-01-15T10:30:00+05:30). The lead was rejected.`,
  missingName: (field: string) => `The lead has no name (${field}, First_Name and Last_Name are empty).`,
  schemaIssue: (path: string, message: string) => `Invalid lead${path ? ` at ${path}` : ''}: ${message}. The lead was rejected.`,
  fieldAbsent: (field: string, key: string, module: string) =>
    `No ${module} record has the field ${field} (mapped as ${key}): the org has no field with that API name, or the API user cannot see it. Set mapping.${key} to your field's API name, or to null.`,
  historyRowNoLead: (field: string) => `History row without a lead in ${field} (the lead may have been deleted). The row was skipped.`,
  historyRowNoStage: (field: string, leadId: string) => `History row of lead ${leadId} has no ${field}. The row was skipped.`,
  historyRowBadTime: (field: string, leadId: string) => `History row of lead ${leadId} has no readable ${field}. The row was skipped.`,
  historyStageMismatch: (historyStage: string, fieldStage: string) =>
    `The stage history ends in "${historyStage}" but the lead's stage is "${fieldStage}" (a change during the sync?). The next sync should reconcile it.`,
  historyOrphans: (n: number, module: string) =>
    `${plural(n, 'history row')} belong to leads not returned by ${module} (deleted leads, or leads the API user cannot see). They were ignored.`,
  eventsUnavailable: (module: string, code: string, field: string | null) =>
    `The meetings (${module}) could not be read (${code}${code === 'OAUTH_SCOPE_MISMATCH' ? `: the token lacks the scope ${moduleScope(module)}` : ''}). ` +
    `Appointments come from the lead field ${field ?? '(none mapped)'} instead; add ${moduleScope(module)} to the refresh token's scopes to read them from meetings (${DOCS}).`,
  historyModuleUnavailable: (module: string, code: string, stageField: string) =>
    code === 'OAUTH_SCOPE_MISMATCH'
      ? `The token lacks the scope ${moduleScope(module)}, so the history-tracking module ${module} was not read (OAUTH_SCOPE_MISMATCH). ` +
        `Stage histories of appointed leads come from their timelines instead (one API call each); add ${moduleScope(module)} to the refresh token's scopes to read them from the module (${DOCS}).`
      : `The history-tracking module ${module} could not be read (${code}): history tracking is probably not enabled for ${stageField}. ` +
        `Stage histories of appointed leads come from their timelines instead (one API call each). Enable tracking as described in ${DOCS}.`,
  timelineBadTime: () => 'Timeline entry without a readable audited_time. The entry was skipped.',
  timelineUnavailable: (leadId: string, code: string) =>
    `The timeline of lead ${leadId} could not be read (${code}); its stage history is empty until the next sync.`,
  eventNoLead: () => 'Meeting linked to Leads without a lead id in What_Id. It was skipped.',
  eventBadStart: (field: string, leadId: string) => `Meeting of lead ${leadId} has no readable ${field}. It was skipped.`,

  // Snapshot
  snapshotUnreadable: (path: string, why: string) =>
    `The Zoho snapshot ${path} cannot be used (${why}). Delete it to start over with a full sync.`,
  snapshotIgnored: (path: string, why: string) => `The snapshot ${path} was not used (${why}); this sync read everything again.`,
  snapshotWouldLeak: () => 'Refusing to write the snapshot: it would contain a credential. This is a bug; please report it.',
  snapshotWriteFailed: (path: string, why: string) =>
    `Could not write the Zoho snapshot ${path}: ${why}. The previous snapshot is unchanged.`,
  snapshotKept: (path: string, lastSyncAt: string | null) =>
    lastSyncAt
      ? ` The previous snapshot ${path} (synced ${lastSyncAt}) was left unchanged.`
      : ` No snapshot was written (${path} does not exist yet).`,
  configChanged: () => 'the field mapping or modules changed since it was written',
  fullRequested: () => 'a full sync was requested',

  // Progress
  progress: (
    p: { mode: string; phase: string } & Record<'leads' | 'historyRows' | 'events' | 'timelinesDone' | 'timelinesTotal' | 'calls', number>,
  ) => {
    const parts = [`Zoho sync (${p.mode})`, `leads ${p.leads.toLocaleString('en-US')}`];
    if (p.historyRows) parts.push(`history rows ${p.historyRows.toLocaleString('en-US')}`);
    if (p.events) parts.push(`meetings ${p.events.toLocaleString('en-US')}`);
    if (p.timelinesTotal) parts.push(`timelines ${p.timelinesDone}/${p.timelinesTotal}`);
    parts.push(plural(p.calls, 'call'));
    if (p.phase === 'save') parts.push('saving');
    if (p.phase === 'done') parts.push('done');
    return parts.join(' · ');
  },
};

const API_HINTS: Record<string, string> = {
  INVALID_MODULE: 'Check the module API name in the configuration (Setup > Developer Hub > APIs and SDKs > API names).',
  REQUIRED_PARAM_MISSING: 'A required parameter is missing; this is a bug in the adapter.',
  LIMIT_EXCEEDED: 'Too many fields or too large a limit; request fewer fields.',
  INVALID_DATA: 'Check the field API names in the mapping; one may not exist in this org.',
  NO_PERMISSION: "The API user's profile cannot read this module; grant it read access.",
  DISCRETE_PAGINATION_LIMIT_EXCEEDED: 'Past 2,000 records Zoho requires page_token paging; this is a bug in the adapter.',
  TOKEN_BOUND_DATA_MISMATCH: 'A page_token was reused with different parameters; this is a bug in the adapter.',
  EXPIRED_VALUE: 'A page_token expired (they last 24 hours); run the sync again.',
  INVALID_URL_PATTERN: 'Check ZOHO_API_DOMAIN and the API version.',
  INVALID_HOST: 'Calls must go to www.zohoapis.<dc>; check ZOHO_API_DOMAIN.',
  INTERNAL_ERROR: 'A temporary problem at Zoho; try again later.',
};
