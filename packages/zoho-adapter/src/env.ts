import type { ZohoCredentials } from './auth.js';
import { ZohoConfigError } from './errors.js';
import { messages } from './messages.js';

/**
 * The environment variables the adapter reads (an injected object such as `process.env`).
 *
 * @example
 * ```ts
 * const env: ZohoEnv = process.env; // ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, ZOHO_DC …
 * const result = await syncLeads({ env, store: '.panopticon/zoho' });
 * ```
 */
export interface ZohoEnv {
  /** Self-client id (secret-ish; never printed). */
  ZOHO_CLIENT_ID?: string | undefined;
  /** Self-client secret. */
  ZOHO_CLIENT_SECRET?: string | undefined;
  /** The long-lived refresh token. */
  ZOHO_REFRESH_TOKEN?: string | undefined;
  /** Data center: US (default), EU, IN, AU, JP, CA, SA, CN. */
  ZOHO_DC?: string | undefined;
  /** Overrides the DC's accounts host (developer orgs, the fake server). */
  ZOHO_ACCOUNTS_URL?: string | undefined;
  /** Overrides the API domain (sandbox `https://sandbox.zohoapis.<tld>`, developer orgs, the fake server). */
  ZOHO_API_DOMAIN?: string | undefined;
  [name: string]: string | undefined;
}

/**
 * The variables a sync from `env` requires.
 *
 * @example
 * ```ts
 * const missing = REQUIRED_ZOHO_ENV.filter((name) => !process.env[name]);
 * if (missing.length) console.error(`Set ${missing.join(', ')} first (docs/zoho.md).`);
 * ```
 */
export const REQUIRED_ZOHO_ENV = ['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN'] as const;

/**
 * The connection a sync or a client needs: the credentials and, optionally, the data center or hosts.
 *
 * @example
 * ```ts
 * const connection: ZohoConnection = zohoConnectionFromEnv(process.env);
 * const client = new ZohoClient(connection);
 * ```
 */
export interface ZohoConnection {
  credentials: ZohoCredentials;
  /** `ZOHO_DC`: US (default), EU, IN, AU, JP, CA, SA, CN. */
  dc: string | undefined;
  /** `ZOHO_ACCOUNTS_URL`. */
  accountsUrl: string | undefined;
  /** `ZOHO_API_DOMAIN`. */
  apiDomain: string | undefined;
}

/**
 * Connection options from the environment; throws a config error naming (never showing) what is missing.
 *
 * @example
 * ```ts
 * // Throws a ZohoConfigError (code 'MISSING_ENV') naming any missing variable.
 * const connection = zohoConnectionFromEnv(process.env);
 * const client = new ZohoClient(connection);
 * ```
 */
export function zohoConnectionFromEnv(env: ZohoEnv): ZohoConnection {
  const value = (name: string) => {
    const v = env[name];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const missing = REQUIRED_ZOHO_ENV.filter((name) => value(name) === undefined);
  if (missing.length) throw new ZohoConfigError(messages.missingEnv(missing), 'MISSING_ENV');
  const credentials: ZohoCredentials = {
    clientId: value('ZOHO_CLIENT_ID')!,
    clientSecret: value('ZOHO_CLIENT_SECRET')!,
    refreshToken: value('ZOHO_REFRESH_TOKEN')!,
  };
  return { credentials, dc: value('ZOHO_DC'), accountsUrl: value('ZOHO_ACCOUNTS_URL'), apiDomain: value('ZOHO_API_DOMAIN') };
}

/**
 * The options with the connection from `options.env` under them, when they name no `credentials` and no
 * `client`: explicit options win over the environment.
 */
export function withEnvConnection<T extends { env?: ZohoEnv; credentials?: unknown; client?: unknown }>(options: T): T {
  const { env, ...rest } = options;
  if (env === undefined || rest.credentials !== undefined || rest.client !== undefined) return rest as T;
  const explicit = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return { ...zohoConnectionFromEnv(env), ...explicit } as unknown as T;
}
