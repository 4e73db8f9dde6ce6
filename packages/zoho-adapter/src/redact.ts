/**
 * Keeps secrets out of every message, log line and file. Known secret values (the client secret, the
 * refresh token, each access token as it is minted) are replaced wherever they occur, and anything shaped
 * like a credential (`Zoho-oauthtoken …`, `refresh_token=…`, a `1000.<hex>.<hex>` token) is masked even
 * when its value was never registered.
 *
 * The secrets live in a private field, so `util.inspect`, `console.log` and `JSON.stringify` of the
 * redactor (or of an object holding it) never show them.
 *
 * @example
 * ```ts
 * const redactor = new Redactor().add('my-client-secret');
 * redactor.redact('secret=my-client-secret'); // 'secret=[redacted]'
 * redactor.redact('Authorization: Zoho-oauthtoken 1000.abc'); // 'Authorization: Zoho-oauthtoken [redacted]'
 * ```
 */
export const REDACTED = '[redacted]';

const CREDENTIAL_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/\b(Zoho-oauthtoken|Bearer)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  [/\b(access_token|refresh_token|client_secret|grant_token)(["']?\s*[:=]\s*["']?)(?!\[redacted\])[^\s"'&,;}]+/gi, `$1$2${REDACTED}`],
  [/\b1000\.[0-9a-f]{16,}\.[0-9a-f]{16,}\b/gi, REDACTED],
];

/**
 * Masks secrets in text: every value registered with `add`, and anything shaped like a credential, each
 * replaced by `[redacted]`.
 *
 * @example
 * ```ts
 * const redactor = new Redactor().add(process.env.ZOHO_CLIENT_SECRET, process.env.ZOHO_REFRESH_TOKEN);
 * console.error(redactor.redact(`refresh_token=${process.env.ZOHO_REFRESH_TOKEN}`)); // 'refresh_token=[redacted]'
 * redactor.leaks(JSON.stringify(snapshot)); // false, unless a registered secret is in it
 * ```
 */
export class Redactor {
  readonly #secrets = new Set<string>();

  /** Registers secret values; values shorter than 6 characters are ignored (they would mask ordinary words). */
  add(...values: Array<string | null | undefined>): this {
    for (const value of values) {
      if (typeof value === 'string' && value.trim().length >= 6) this.#secrets.add(value.trim());
    }
    return this;
  }

  /** The text with every registered secret and every credential-shaped value masked. */
  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is masked whole.
    for (const secret of [...this.#secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(secret)) out = out.split(secret).join(REDACTED);
      const encoded = encodeURIComponent(secret);
      if (encoded !== secret && out.includes(encoded)) out = out.split(encoded).join(REDACTED);
    }
    for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
    return out;
  }

  /** A deep copy of a JSON-like value with every string redacted (for error `details` echoed by a server). */
  redactValue(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (value === null || typeof value !== 'object' || depth > 20) return value;
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.redactValue(v, depth + 1)]));
  }

  /** Whether the text contains a registered secret (used by tests and by the snapshot writer as a guard). */
  leaks(text: string): boolean {
    for (const secret of this.#secrets) if (text.includes(secret)) return true;
    return false;
  }

  toJSON(): string {
    return 'Redactor';
  }
}
