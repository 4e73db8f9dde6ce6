/**
 * The fake's scope check: a token granted only some scopes may read only those modules (Zoho answers
 * 401 OAUTH_SCOPE_MISMATCH otherwise). `ZohoCRM.modules.ALL` and `ZohoCRM.modules.READ` cover every module;
 * `ZohoCRM.modules.{module}.READ` one module (lower case); the field list needs `ZohoCRM.settings.fields.READ`
 * (or `ZohoCRM.settings.ALL`); the organization `ZohoCRM.org.READ` (or `ZohoCRM.org.ALL`).
 */
import { HttpError } from './http.js';

/** The scope a request to `pathname` (`/crm/v8/…`) needs, or null when none is checked. */
export function scopeFor(pathname: string): string | null {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const rest = parts.slice(2);
  if (rest[0] === 'org') return 'ZohoCRM.org.READ';
  if (rest[0] === 'settings') return rest[1] === 'fields' ? 'ZohoCRM.settings.fields.READ' : 'ZohoCRM.settings.modules.READ';
  return rest[0] ? `ZohoCRM.modules.${rest[0].toLowerCase()}.READ` : null;
}

/** Throws 401 OAUTH_SCOPE_MISMATCH when `granted` (null: everything) does not cover the request. */
export function checkScope(pathname: string, granted: readonly string[] | null): void {
  if (granted === null) return;
  const needed = scopeFor(pathname);
  if (needed === null) return;
  const has = new Set(granted.map((s) => s.toLowerCase()));
  const covered = needed.startsWith('ZohoCRM.org.')
    ? has.has('zohocrm.org.all') || has.has('zohocrm.org.read')
    : needed.startsWith('ZohoCRM.settings.')
      ? has.has('zohocrm.settings.all') || has.has(needed.toLowerCase()) || has.has(needed.replace(/\.READ$/, '.ALL').toLowerCase())
      : has.has('zohocrm.modules.all') ||
        has.has('zohocrm.modules.read') ||
        has.has(needed.toLowerCase()) ||
        has.has(needed.replace(/\.READ$/, '.ALL').toLowerCase());
  if (!covered) throw new HttpError(401, 'OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL', {});
}
