/**
 * The sync options of a validated `zoho` section of panopticon.config.json (its schema and type: config-schema.ts).
 */
import type { ZohoConfig } from './config-schema.js';
import type { ZohoAppointmentSource, ZohoFieldMapping } from './mapping.js';
import type { ZohoSyncOptions } from './sync/types.js';

export { ZohoConfigSchema, type ZohoConfig, type ZohoConfigAppointments } from './config-schema.js';

/**
 * The sync options a validated `zoho` section sets (the store is left to the caller: it is relative to the
 * config file).
 *
 * @example
 * ```ts
 * zohoSyncOptionsFromConfig({ module: 'Leads', history: 'timeline' }); // { mapping: { module: 'Leads' }, history: null }
 * ```
 */
export function zohoSyncOptionsFromConfig(config: ZohoConfig): Omit<ZohoSyncOptions, 'credentials' | 'client' | 'store'> {
  const options: Omit<ZohoSyncOptions, 'credentials' | 'client' | 'store'> = {};
  const mapping: Partial<ZohoFieldMapping> = { ...config.mapping };
  if (config.module !== undefined) mapping.module = config.module;
  if (config.appointments?.from === 'field' && config.appointments.field !== undefined) mapping.appointmentAt = config.appointments.field;
  if (Object.keys(mapping).length > 0) options.mapping = mapping;
  if (config.history === 'timeline') options.history = null;
  else if (config.history !== undefined) options.history = config.history;
  if (config.appointments?.from === 'events') {
    const { from: _from, ...events } = config.appointments;
    options.appointments = { from: 'events', ...events } as ZohoAppointmentSource;
  } else if (config.appointments) options.appointments = { from: 'field' };
  if (config.ownerHistory !== undefined) options.ownerHistory = config.ownerHistory;
  if (config.historySince !== undefined) options.historySince = config.historySince;
  if (config.dataCenter !== undefined) options.dc = config.dataCenter;
  if (config.concurrency !== undefined) options.concurrency = config.concurrency;
  return options;
}
