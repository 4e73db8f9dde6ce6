import { ZohoConfigError } from './errors.js';
import { messages } from './messages.js';

/**
 * Zoho's data centers for CRM. A refresh token works only against the accounts host of its own DC.
 *
 * @example
 * ```ts
 * const dc: ZohoDataCenter = parseDataCenter(process.env.ZOHO_DC ?? 'US');
 * const { accountsUrl, apiDomain } = ZOHO_DATA_CENTERS[dc];
 * ```
 */
export type ZohoDataCenter = 'US' | 'EU' | 'IN' | 'AU' | 'JP' | 'CA' | 'SA' | 'CN';

/**
 * The two hosts of a data center: where tokens are minted, and where the API answers.
 *
 * @example
 * ```ts
 * const { accountsUrl, apiDomain }: ZohoDataCenterHosts = ZOHO_DATA_CENTERS.CA;
 * // 'https://accounts.zohocloud.ca', 'https://www.zohoapis.ca'
 * ```
 */
export interface ZohoDataCenterHosts {
  /** The Zoho Accounts server that mints tokens. */
  accountsUrl: string;
  /** The API domain (`{apiDomain}/crm/v8/…`). */
  apiDomain: string;
  /** The API console, where a self client is created (docs/zoho.md). */
  apiConsole: string;
}

/** A data center's hosts: accounts and console on `zohoDomain` (`zoho.eu`), the API on `www.` of `apiDomain` (`zohoapis.eu`). */
function hostsOn(zohoDomain: string, apiDomain: string): ZohoDataCenterHosts {
  return {
    accountsUrl: `https://accounts.${zohoDomain}`,
    apiDomain: `https://www.${apiDomain}`,
    apiConsole: `https://api-console.${zohoDomain}`,
  };
}

/**
 * Accounts host, API domain and API console per data center (Zoho's TS SDK `routes/dc/*_data_center.ts`).
 * Note CA: the accounts host and the console are on `zohocloud.ca` but the API domain is `zohoapis.ca`.
 * Data centers not in the table (UK: accounts.zoho.uk) are reached with `ZOHO_ACCOUNTS_URL` and
 * `ZOHO_API_DOMAIN`; docs/zoho.md's table is tested against this one.
 *
 * @example
 * ```ts
 * ZOHO_DATA_CENTERS.EU; // { accountsUrl: 'https://accounts.zoho.eu', apiDomain: 'https://www.zohoapis.eu', apiConsole: 'https://api-console.zoho.eu' }
 * ZOHO_DATA_CENTERS[parseDataCenter('com.au')].apiDomain; // 'https://www.zohoapis.com.au'
 * ```
 */
export const ZOHO_DATA_CENTERS: Readonly<Record<ZohoDataCenter, ZohoDataCenterHosts>> = Object.freeze({
  US: hostsOn('zoho.com', 'zohoapis.com'),
  EU: hostsOn('zoho.eu', 'zohoapis.eu'),
  IN: hostsOn('zoho.in', 'zohoapis.in'),
  AU: hostsOn('zoho.com.au', 'zohoapis.com.au'),
  JP: hostsOn('zoho.jp', 'zohoapis.jp'),
  CA: hostsOn('zohocloud.ca', 'zohoapis.ca'),
  SA: hostsOn('zoho.sa', 'zohoapis.sa'),
  CN: hostsOn('zoho.com.cn', 'zohoapis.com.cn'),
});

/**
 * The names of the data centers, in the order of {@link ZOHO_DATA_CENTERS}.
 *
 * @example
 * ```ts
 * ZOHO_DATA_CENTER_NAMES.join(', '); // 'US, EU, IN, AU, JP, CA, SA, CN'
 * ```
 */
export const ZOHO_DATA_CENTER_NAMES = Object.keys(ZOHO_DATA_CENTERS) as ZohoDataCenter[];

// Other spellings people use for a DC: the domain suffix, with or without a leading dot or "zoho.".
const ALIASES: Record<string, ZohoDataCenter> = {
  COM: 'US',
  'COM.AU': 'AU',
  'COM.CN': 'CN',
  ZOHOCLOUD: 'CA',
  'ZOHOCLOUD.CA': 'CA',
};

/**
 * Reads a DC name case-insensitively (`eu`, `EU`, `.eu`, `com`, `com.au` …); throws a config error naming the
 * valid ones.
 *
 * @example
 * ```ts
 * parseDataCenter('eu'); // 'EU'
 * parseDataCenter('com.au'); // 'AU'
 * parseDataCenter('.zohocloud.ca'); // 'CA'
 * parseDataCenter('mars'); // throws a ZohoConfigError with code 'UNKNOWN_DATA_CENTER'
 * ```
 */
export function parseDataCenter(value: string): ZohoDataCenter {
  let key = value.trim().toUpperCase();
  if (key.startsWith('.')) key = key.slice(1);
  if (key.startsWith('ZOHO.')) key = key.slice(5);
  if (key in ZOHO_DATA_CENTERS) return key as ZohoDataCenter;
  const alias = ALIASES[key];
  if (alias) return alias;
  throw new ZohoConfigError(messages.unknownDataCenter(value, ZOHO_DATA_CENTER_NAMES), 'UNKNOWN_DATA_CENTER');
}

/**
 * Options of {@link resolveHosts}: the data center, and explicit hosts that override its table entry.
 *
 * @example
 * ```ts
 * const options: ResolveHostsOptions = { dc: 'EU', apiDomain: 'https://sandbox.zohoapis.eu' };
 * resolveHosts(options).apiDomainFixed; // true: the token's api_domain is ignored
 * ```
 */
export interface ResolveHostsOptions {
  /** Default `US`. */
  dc?: ZohoDataCenter | string | undefined;
  /** Overrides the accounts host (developer/sandbox orgs, tests). */
  accountsUrl?: string | undefined;
  /** Overrides the API domain (sandbox `https://sandbox.zohoapis.…`, developer orgs, tests). */
  apiDomain?: string | undefined;
}

/**
 * The hosts {@link resolveHosts} settles on, with the data center they belong to.
 *
 * @example
 * ```ts
 * const { dc, accountsUrl, apiDomain, apiDomainFixed }: ResolvedHosts = resolveHosts({ dc: 'eu' });
 * // 'EU', 'https://accounts.zoho.eu', 'https://www.zohoapis.eu', false
 * ```
 */
export interface ResolvedHosts extends ZohoDataCenterHosts {
  dc: ZohoDataCenter;
  /** True when the API domain was given explicitly: the token response's `api_domain` is then ignored. */
  apiDomainFixed: boolean;
}

/**
 * The hosts to use: the DC's table entry, each overridden where an explicit URL is given.
 *
 * @example
 * ```ts
 * resolveHosts().accountsUrl; // 'https://accounts.zoho.com' (US)
 * resolveHosts({ dc: 'EU', accountsUrl: 'http://127.0.0.1:4010/' }).accountsUrl; // 'http://127.0.0.1:4010'
 * ```
 */
export function resolveHosts(options: ResolveHostsOptions = {}): ResolvedHosts {
  const dc = options.dc === undefined || options.dc === '' ? 'US' : parseDataCenter(options.dc);
  const table = ZOHO_DATA_CENTERS[dc];
  // Messages name the settings a user sets (the environment variables), never these option names.
  const accountsUrl = options.accountsUrl ? checkBaseUrl(options.accountsUrl, 'ZOHO_ACCOUNTS_URL') : table.accountsUrl;
  const apiDomain = options.apiDomain ? checkBaseUrl(options.apiDomain, 'ZOHO_API_DOMAIN') : table.apiDomain;
  return { dc, accountsUrl, apiDomain, apiConsole: table.apiConsole, apiDomainFixed: Boolean(options.apiDomain) };
}

/**
 * The CRM's web host for an accounts host: Zoho serves the CRM pages on the accounts host with `accounts.`
 * changed to `crm.` (accounts.zoho.eu → crm.zoho.eu, accounts.zohocloud.ca → crm.zohocloud.ca,
 * accounts.zoho.uk → crm.zoho.uk); `null` for a host not of that form (a local fake server).
 *
 * @example
 * ```ts
 * crmWebUrl(ZOHO_DATA_CENTERS.AU.accountsUrl); // 'https://crm.zoho.com.au'
 * crmWebUrl('http://127.0.0.1:4010'); // null
 * ```
 */
export function crmWebUrl(accountsUrl: string): string | null {
  const url = new URL(accountsUrl);
  if (url.protocol !== 'https:' || !url.hostname.startsWith('accounts.')) return null;
  return `https://crm.${url.hostname.slice('accounts.'.length)}`;
}

/**
 * The address of a record's page in the CRM, `{id}` standing for the record's id:
 * `https://crm.zoho.<tld>/crm/org<id>/tab/<module>/{id}`. `orgId` is the org's id as in such an address,
 * with or without its `org` prefix; `null` when the accounts host has no CRM web host (`crmWebUrl` below).
 *
 * @example
 * ```ts
 * zohoRecordUrlTemplate({ accountsUrl: 'https://accounts.zoho.eu', orgId: '20079833178' });
 * // 'https://crm.zoho.eu/crm/org20079833178/tab/Leads/{id}'
 * ```
 */
export function zohoRecordUrlTemplate(options: { accountsUrl: string; orgId: string; module?: string | undefined }): string | null {
  const web = crmWebUrl(options.accountsUrl);
  if (web === null) return null;
  const org = options.orgId.startsWith('org') ? options.orgId : `org${options.orgId}`;
  return `${web}/crm/${encodeURIComponent(org)}/tab/${encodeURIComponent(options.module ?? 'Leads')}/{id}`;
}

/**
 * Validates a base URL and drops a trailing slash. Plain `http:` is refused except for loopback hosts:
 * secrets and tokens must never cross a network unencrypted.
 *
 * @example
 * ```ts
 * checkBaseUrl('https://accounts.zoho.eu/', 'accountsUrl'); // 'https://accounts.zoho.eu'
 * checkBaseUrl('http://localhost:8080', 'apiDomain'); // 'http://localhost:8080' (loopback)
 * checkBaseUrl('http://crm.example.com', 'apiDomain'); // throws a ZohoConfigError with code 'INSECURE_URL'
 * ```
 */
export function checkBaseUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new ZohoConfigError(messages.badUrl(what, value), 'INVALID_URL');
  }
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new ZohoConfigError(messages.insecureUrl(what, url.origin), 'INSECURE_URL');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
