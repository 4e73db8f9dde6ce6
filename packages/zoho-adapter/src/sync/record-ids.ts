/** How the snapshot keys the records a sync reads. */
import type { ZohoRecord } from '../paging.js';

/** A lead record's id, or null when it has no usable one (such records are kept apart, as invalid). */
export function leadIdOf(record: ZohoRecord): string | null {
  return typeof record.id === 'string' && record.id.trim() !== '' ? record.id : null;
}

/** A history row's key: its id, or its content for a row without one (kept, so its issue is reported). */
export function historyRowKeyOf(row: ZohoRecord): string {
  return typeof row.id === 'string' && row.id !== '' ? row.id : `invalid:${JSON.stringify(row)}`;
}

/** An event's id, or null when it has none (such events are not kept). */
export function eventIdOf(event: ZohoRecord): string | null {
  return typeof event.id === 'string' && event.id !== '' ? event.id : null;
}
