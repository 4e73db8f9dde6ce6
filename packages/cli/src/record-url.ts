/**
 * The link to a lead's page in the CRM, used by the dashboard's "Open in CRM" and the digest: `recordUrl`
 * (panopticon.config.json / `--record-url`) when set; for a Zoho source, by default, the record address
 * built from the data center and the org id (`zoho.orgId`, else the one the last sync read: the snapshot's
 * `orgId`, from Get Organization); otherwise none, with the reason the page shows.
 *
 * @module
 */
import { resolveHosts, zohoRecordUrlTemplate, type ZohoOrg } from '@panopticon/zoho-adapter';
import type { Io } from './io.js';
import type { Settings } from './settings/resolve.js';

/** A record link template with `{id}`, or why there is none. */
export type RecordLink = { template: string; missing: null } | { template: null; missing: string };

const NOT_SET = 'set "recordUrl" in panopticon.config.json or --record-url (a link with {id} for the lead\'s id)';

type LinkSettings = { recordUrl?: string | undefined; source: Settings['source'] };

/**
 * The record link of these settings; `env` gives the data center (`ZOHO_DC`, `ZOHO_ACCOUNTS_URL` win over the
 * config); `synced` the org id the last sync read, used when the config names none (`zoho.orgId` wins): the
 * `syncedOrg` of the loaded Zoho snapshot (zoho.ts), read with its leads.
 */
export function recordLinkOf(settings: LinkSettings, env: Io['env'], synced: ZohoOrg | null = null): RecordLink {
  if (settings.recordUrl) return { template: settings.recordUrl, missing: null };
  const { source } = settings;
  if (source.kind !== 'zoho') return { template: null, missing: NOT_SET };
  const { module, dataCenter } = source.config;
  const orgId = source.config.orgId ?? synced?.orgId;
  if (!orgId) return { template: null, missing: noOrgId(synced) };
  // A custom module's pages are under its tab name (CustomModule7), which the API name does not give.
  if (module !== undefined && module !== 'Leads') return { template: null, missing: `the lead module is ${module}: ${NOT_SET}` };
  let accountsUrl: string;
  try {
    accountsUrl = resolveHosts({ dc: env.ZOHO_DC?.trim() || dataCenter, accountsUrl: env.ZOHO_ACCOUNTS_URL }).accountsUrl;
  } catch {
    return { template: null, missing: `the Zoho data center is not known: ${NOT_SET}` };
  }
  const template = zohoRecordUrlTemplate({ accountsUrl, orgId });
  return template === null
    ? { template: null, missing: `the Zoho accounts host ${accountsUrl} has no CRM pages: ${NOT_SET}` }
    : { template, missing: null };
}

/** Why no org id is known: the token's missing scope, the sync that could not read it, or nothing synced yet. */
function noOrgId(synced: ZohoOrg | null): string {
  const set = `set "zoho": { "orgId": "org…" } (as in a record's address in Zoho CRM), or ${NOT_SET}`;
  if (synced?.orgUnavailable === 'OAUTH_SCOPE_MISMATCH')
    return `the Zoho token lacks the ZohoCRM.org.READ scope the sync reads the org id with (docs/zoho.md): add it and sync again, or ${set}`;
  if (synced?.orgUnavailable) return `the last sync could not read the org id (${synced.orgUnavailable}): ${set}`;
  return set;
}
