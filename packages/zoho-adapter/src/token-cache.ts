/**
 * The access token kept between processes: Zoho allows about ten mints per refresh token in ten minutes,
 * so every `--zoho` command minting its own token would lock the account out after ten commands. The
 * token is kept in the snapshot directory (mode 0600), under a key derived from the accounts host, the
 * client and the refresh token (never the secrets themselves), and reused until shortly before it expires.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The name of the token file in the snapshot directory (mode 0600).
 *
 * @example
 * ```ts
 * statSync(join('.panopticon/zoho', TOKEN_CACHE_FILE)).mode & 0o777; // 0o600
 * ```
 */
export const TOKEN_CACHE_FILE = 'access-token.json';

/**
 * A minted access token as it is kept between processes.
 *
 * @example
 * ```ts
 * const stored: StoredAccessToken = { token: '1000.abc', expiresAt: Date.now() + 3_600_000, lifetimeMs: 3_600_000, apiDomain: undefined };
 * ```
 */
export interface StoredAccessToken {
  token: string;
  /** Epoch ms at which Zoho stops accepting it. */
  expiresAt: number;
  /** Its whole life, in ms (for the refresh margin). */
  lifetimeMs: number;
  apiDomain: string | undefined;
}

/**
 * Where a token provider keeps its token between processes.
 *
 * @example
 * ```ts
 * let kept: StoredAccessToken | null = null;
 * const memory: TokenCache = { read: async () => kept, write: async (t) => void (kept = t), clear: async () => void (kept = null) };
 * ```
 */
export interface TokenCache {
  read(): Promise<StoredAccessToken | null>;
  write(token: StoredAccessToken): Promise<void>;
  clear(): Promise<void>;
}

/**
 * A {@link TokenCache} in `directory` (the snapshot directory), for the credentials identified by
 * `identity` (accounts host, client id, refresh token: hashed, never written). A file of other
 * credentials, or one that cannot be read, counts as empty.
 *
 * @example
 * ```ts
 * const cache = fileTokenCache('.panopticon/zoho', [accountsUrl, clientId, refreshToken]);
 * const client = createZohoClient({ credentials, tokenCache: cache });
 * ```
 */
export function fileTokenCache(directory: string, identity: readonly string[]): TokenCache {
  const path = join(directory, TOKEN_CACHE_FILE);
  const key = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
  return {
    async read() {
      try {
        const value = JSON.parse(await readFile(path, 'utf8')) as Partial<StoredAccessToken & { key: string }>;
        if (
          value.key !== key ||
          typeof value.token !== 'string' ||
          typeof value.expiresAt !== 'number' ||
          typeof value.lifetimeMs !== 'number'
        )
          return null;
        return {
          token: value.token,
          expiresAt: value.expiresAt,
          lifetimeMs: value.lifetimeMs,
          apiDomain: typeof value.apiDomain === 'string' ? value.apiDomain : undefined,
        };
      } catch {
        return null;
      }
    },
    async write(token) {
      // Best effort: a cache that cannot be written only costs a mint next time.
      const temp = `${path}.${process.pid}.tmp`;
      try {
        await mkdir(directory, { recursive: true });
        const handle = await open(temp, 'w', 0o600);
        try {
          await handle.writeFile(`${JSON.stringify({ key, ...token })}\n`, 'utf8');
        } finally {
          await handle.close();
        }
        await chmod(temp, 0o600);
        await rename(temp, path);
      } catch {
        await unlink(temp).catch(() => undefined);
      }
    },
    async clear() {
      await unlink(path).catch(() => undefined);
    },
  };
}
