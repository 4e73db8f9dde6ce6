/**
 * The org id of the CRM's record addresses (`https://crm.zoho.<tld>/crm/org<id>/tab/Leads/<id>`), read once
 * per sync from Get Organization (`GET /crm/{version}/org`, scope `ZohoCRM.org.READ`) and kept in the
 * snapshot, so that the dashboard's "Open in CRM" needs no `zoho.orgId`. It is the org's `zgid` (its
 * `domain_name` is `org` + `zgid`); an id, never a secret. A token without the scope, or an answer without
 * the id, leaves the link unknown with the reason: never a failed sync.
 */
import type { ZohoClient } from '../client.js';
import { ZohoError } from '../errors.js';

/** The org id, or why it could not be read (a Zoho error code, or `NO_ORG_ID`). */
export type OrgIdReading = { orgId: string } | { unavailable: string };

interface OrgAnswer {
  org?: Array<{ zgid?: unknown; domain_name?: unknown }>;
}

const DIGITS = /^\d+$/;

export async function fetchOrgId(client: ZohoClient, signal: AbortSignal | undefined): Promise<OrgIdReading> {
  try {
    const response = await client.request<OrgAnswer>({ path: 'org', ...(signal ? { signal } : {}) });
    const org = response.body?.org?.[0];
    const zgid = org?.zgid;
    if (typeof zgid === 'string' && DIGITS.test(zgid)) return { orgId: zgid };
    const domain = org?.domain_name;
    if (typeof domain === 'string' && /^org\d+$/.test(domain)) return { orgId: domain.slice(3) };
    return { unavailable: 'NO_ORG_ID' };
  } catch (error) {
    // Only Zoho's answers (no scope, no such route): a cancelled sync still stops.
    if (error instanceof ZohoError && error.code !== 'ABORTED') return { unavailable: error.code };
    throw error;
  }
}
