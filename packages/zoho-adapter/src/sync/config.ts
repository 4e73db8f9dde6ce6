/**
 * Sync options → the resolved settings of a sync: the read configuration (also used offline), the Leads
 * fields, and the fingerprint that tells whether a snapshot was written with the same settings.
 */
import { createHash } from 'node:crypto';
import type { ZohoClient } from '../client.js';
import { parseZohoDateTime } from '../datetime.js';
import type { LeadReadConfig } from '../derive.js';
import { ZohoConfigError } from '../errors.js';
import { DEFAULT_HISTORY_MODULE, leadFields, resolveAppointmentSource, resolveFieldMapping } from '../mapping.js';
import { messages } from '../messages.js';
import type { ZohoSyncOptions } from './types.js';

/** Everything a sync run reads from its options. */
export interface ResolvedSync extends LeadReadConfig {
  fields: string[];
  overlapMs: number;
  bothEnds: boolean;
  fingerprint: string;
}

/**
 * The settings that turn Zoho records into leads, from sync options (no client needed: offline loads use it
 * too).
 *
 * @example
 * ```ts
 * const config = resolveReadConfig({ mapping: { stage: 'Stage' }, timeZone: 'America/New_York' });
 * config.history?.stage; // 'Stage': the history module follows a custom stage field
 * config.fields.includes('Stage'); // true
 * ```
 */
export function resolveReadConfig(
  options: Omit<ZohoSyncOptions, 'credentials' | 'client'>,
): LeadReadConfig & { fields: string[]; ownerHistory: boolean } {
  const mapping = resolveFieldMapping(options.mapping);
  const appointments = resolveAppointmentSource(options.appointments);
  const history = options.history === null ? null : { ...DEFAULT_HISTORY_MODULE, ...stripUndefined(options.history ?? {}) };
  if (history && options.mapping?.stage && options.mapping.stage !== 'Lead_Status' && options.history?.stage === undefined) {
    history.stage = options.mapping.stage;
  }
  const timeZone = options.timeZone ?? 'UTC';
  const since = options.historySince;
  const historySince = since === undefined || since === null ? null : since instanceof Date ? since : parseZohoDateTime(since, timeZone);
  if (since && historySince === null) throw new ZohoConfigError(messages.badHistorySince(since), 'INVALID_CONFIG');
  const fields = leadFields(mapping, appointments, options.extraFields ?? []);
  return { mapping, history, appointments, timeZone, historySince, fields, ownerHistory: options.ownerHistory ?? true };
}

export function resolveSync(options: ZohoSyncOptions, client: ZohoClient): ResolvedSync {
  const read = resolveReadConfig(options);
  const { mapping, history, appointments, fields } = read;
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        v: 1,
        fields,
        mapping,
        history,
        appointments,
        dc: client.dc,
        accounts: client.accountsUrl,
        api: options.apiDomain ?? null,
        version: client.apiVersion,
      }),
    )
    .digest('hex')
    .slice(0, 16);
  return { ...read, overlapMs: options.overlapMs ?? 10 * 60_000, bothEnds: options.bothEnds ?? true, fingerprint };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
