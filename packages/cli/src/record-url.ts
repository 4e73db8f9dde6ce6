/**
 * The link to a lead's page in the CRM, used by the dashboard's "Open in CRM" and the digest: `recordUrl`
 * (panopticon.config.json / `--record-url`) when set; for a Zoho source, by default, the record address
 * built from the data center and the org id (`zoho.orgId`); otherwise none, with the reason the page shows.
 *
 * @module
 */
import { resolveHosts, zohoRecordUrlTemplate } from '@panopticon/zoho-adapter';
import type { Io } from './io.js';
import type { Settings } from './settings/resolve.js';

/** A record link template with `{id}`, or why there is none. */
export type RecordLink = { template: string; missing: null } | { template: null; missing: string };

const NOT_SET = 'set "recordUrl" in panopticon.config.json or --record-url (a link with {id} for the lead\'s id)';

/** The record link of these settings; `env` gives the data center (`ZOHO_DC`, `ZOHO_ACCOUNTS_URL` win over the config). */
export function recordLinkOf(settings: { recordUrl?: string | undefined; source: Settings['source'] }, env: Io['env']): RecordLink {
  if (settings.recordUrl) return { template: settings.recordUrl, missing: null };
  const { source } = settings;
  if (source.kind !== 'zoho') return { template: null, missing: NOT_SET };
  const { orgId, module, dataCenter } = source.config;
  if (!orgId) return { template: null, missing: `set "zoho": { "orgId": "org…" } (as in a record's address in Zoho CRM), or ${NOT_SET}` };
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
