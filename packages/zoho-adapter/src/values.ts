/**
 * Readers for Zoho field values as the v8 records API returns them: picklists and text are strings, lookups are
 * `{name, id[, email]}`, date-times are strings with an offset, empty fields are JSON `null`.
 */
import type { ZohoRecord } from './paging.js';

/** A text value: strings (trimmed, empty → null), numbers and booleans as text, a lookup's `name`, a list joined. */
export function textValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const parts = value.map(textValue).filter((v): v is string => v !== null);
    return parts.length ? parts.join(', ') : null;
  }
  if (typeof value === 'object') return textValue((value as { name?: unknown }).name);
  return null;
}

/** The id of a lookup (`{id}`) or an id given as a string. Numbers are refused: ids exceed 2^53. */
export function lookupId(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as { id?: unknown }).id;
    return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
  }
  return null;
}

/** For issues: the value as it was read, shortened. */
export function rawText(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Whether the record carries the key at all (Zoho sends `null` for empty fields, and leaves out unknown ones). */
export function hasField(record: ZohoRecord, field: string): boolean {
  return Object.hasOwn(record, field);
}

/** Compares Zoho ids: numerically when both are digit strings (19 digits exceed 2^53, so by length then text). */
export function compareIds(a: string, b: string): number {
  const da = /^\d+$/.test(a);
  const db = /^\d+$/.test(b);
  if (da && db) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    if (x.length !== y.length) return x.length - y.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}
