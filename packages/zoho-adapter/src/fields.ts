/**
 * The org's fields of a module (`GET /settings/fields?module=…`, scope `ZohoCRM.settings.fields.READ`):
 * what `panopticon zoho fields` lists so a user can fill the field mapping without guessing.
 */
import type { ZohoClient } from './client.js';

/**
 * One field of a module: its API name (what the mapping takes), its label in the UI, and its data type.
 *
 * @example
 * ```ts
 * const field: ZohoFieldInfo = { apiName: 'Site_Visit_Date', label: 'Site Visit Date', type: 'datetime' };
 * ```
 */
export interface ZohoFieldInfo {
  apiName: string;
  label: string;
  type: string;
}

/**
 * The fields of `module` (default `Leads`), sorted by API name: one API call.
 *
 * @example
 * ```ts
 * const fields = await listModuleFields(createZohoClient({ credentials, dc: 'EU' }));
 * fields.find((f) => f.label === 'Site Visit Date')?.apiName; // 'Site_Visit_Date'
 * ```
 */
export async function listModuleFields(client: ZohoClient, module = 'Leads'): Promise<ZohoFieldInfo[]> {
  const response = await client.request<{ fields?: Array<{ api_name?: unknown; field_label?: unknown; data_type?: unknown }> }>({
    path: 'settings/fields',
    query: { module },
  });
  return (response.body?.fields ?? [])
    .filter((f) => typeof f.api_name === 'string')
    .map((f) => ({
      apiName: f.api_name as string,
      label: typeof f.field_label === 'string' ? f.field_label : '',
      type: typeof f.data_type === 'string' ? f.data_type : '',
    }))
    .sort((a, b) => a.apiName.localeCompare(b.apiName));
}
