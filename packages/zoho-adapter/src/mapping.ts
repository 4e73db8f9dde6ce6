import { ZohoConfigError } from './errors.js';
import { messages } from './messages.js';
import { MAX_FIELDS } from './paging.js';

/**
 * Which Zoho field feeds which part of the lead model. Zoho's own API names are the defaults; the three
 * concepts Zoho has no standard field for (appointment, first contact, team) default to the API names Zoho
 * derives from the labels "Appointment Date", "First Contact Time" and "Team". Set any optional one to
 * `null` when the org has no such field.
 *
 * @example
 * ```ts
 * const mapping: Partial<ZohoFieldMapping> = { locator: 'Locator', appointmentAt: 'Site_Visit_Date', team: null };
 * const { leads } = await syncLeads({ env: process.env, mapping, store: '.panopticon/zoho' });
 * ```
 */
export interface ZohoFieldMapping {
  /** The lead module. Default `Leads`. */
  module: string;
  /** The lead's display name. Default `Full_Name` (falls back to `First_Name` + `Last_Name`). */
  name: string;
  /** Default `Company`. */
  company: string | null;
  /** The accountable person: a user lookup (`Owner`, the default), another lookup, or a text field. */
  locator: string;
  /** The team; a picklist, text or lookup. Default `Team`. */
  team: string | null;
  /** Default `Lead_Source`. */
  source: string | null;
  /** The stage picklist. Default `Lead_Status`. */
  stage: string;
  /** When the lead arrived. Default `Created_Time`. */
  createdAt: string;
  /** When the lead was first assigned, where the org records it. Default `null` (not read). */
  assignedAt: string | null;
  /** First outbound touch. Default `First_Contact_Time`. */
  firstContactAt: string | null;
  /** The appointment date-time, when appointments are a lead field. Default `Appointment_Date`. */
  appointmentAt: string | null;
}

/**
 * Zoho's standard API names for each part of the lead model: the defaults of {@link ZohoFieldMapping}.
 *
 * @example
 * ```ts
 * DEFAULT_FIELD_MAPPING.stage; // 'Lead_Status'
 * DEFAULT_FIELD_MAPPING.assignedAt; // null: not read unless mapped
 * resolveFieldMapping({ stage: 'Stage' }).locator; // 'Owner', the default
 * ```
 */
export const DEFAULT_FIELD_MAPPING: Readonly<ZohoFieldMapping> = Object.freeze({
  module: 'Leads',
  name: 'Full_Name',
  company: 'Company',
  locator: 'Owner',
  team: 'Team',
  source: 'Lead_Source',
  stage: 'Lead_Status',
  createdAt: 'Created_Time',
  assignedAt: null,
  firstContactAt: 'First_Contact_Time',
  appointmentAt: 'Appointment_Date',
});

/**
 * The history-tracking module of the stage field (an org-created module such as `Lead_Status_History`,
 * docs/zoho.md §3). One row is one stay in one stage:
 * `stage` is the value, `time` (Modified_Time) when the lead entered it, `movedTo` the next value (null
 * on the open row), `parent` the lookup to the lead.
 *
 * @example
 * ```ts
 * const history: Partial<ZohoHistoryModuleConfig> = { module: 'Stage_History', stage: 'Stage' };
 * const { leads } = await syncLeads({ env: process.env, history, mapping: { stage: 'Stage' } });
 * ```
 */
export interface ZohoHistoryModuleConfig {
  /** Default `Lead_Status_History`. */
  module: string;
  /** Lookup to the lead. Default `Full_Name`. */
  parent: string;
  /** Default `Lead_Status`. */
  stage: string;
  /** Default `Moved_To__s`. */
  movedTo: string;
  /** Entry time. Default `Modified_Time`. */
  time: string;
  /**
   * Where the org's module tracks the owner too (it writes a row on each owner change): the column holding
   * the lead's owner during each row, e.g. `Lead_Owner`. The owner changes of the leads it covers then come
   * from these rows, with no timeline call. Default: none (owner changes come from the timelines).
   */
  owner?: string;
}

/**
 * Zoho's names for the history-tracking module of `Lead_Status`: the defaults of {@link
 * ZohoHistoryModuleConfig}.
 *
 * @example
 * ```ts
 * DEFAULT_HISTORY_MODULE.module; // 'Lead_Status_History'
 * const { row, issue } = parseHistoryRow(record, DEFAULT_HISTORY_MODULE, 'UTC');
 * ```
 */
export const DEFAULT_HISTORY_MODULE: Readonly<ZohoHistoryModuleConfig> = Object.freeze({
  module: 'Lead_Status_History',
  parent: 'Full_Name',
  stage: 'Lead_Status',
  movedTo: 'Moved_To__s',
  time: 'Modified_Time',
});

/**
 * Where appointments come from: a lead field (`mapping.appointmentAt`), or meetings in Events linked to
 * the lead by `What_Id` with `$se_module = Leads`.
 *
 * @example
 * ```ts
 * const appointments: ZohoAppointmentSource = { from: 'events', pick: 'earliest', includeCancelled: false };
 * const { leads } = await syncLeads({ env: process.env, appointments, store: '.panopticon/zoho' });
 * ```
 */
export type ZohoAppointmentSource =
  | { from: 'field' }
  | {
      from: 'events';
      /** Default `Events`. */
      module?: string;
      /** Default `Start_DateTime`. */
      startField?: string;
      /** The lookup from a meeting to its lead (with `$se_module`). Default `What_Id`. */
      linkField?: string;
      /** A field of the meeting that says its type; with `types`, only meetings of those types count. */
      typeField?: string;
      /** The meeting types that count as an appointment (values of `typeField`). Default: every meeting. */
      types?: readonly string[];
      /** Which meeting is the appointment when a lead has several. Default `latest`. */
      pick?: 'latest' | 'earliest';
      /** Count cancelled meetings (`$event_cancelled`). Default false. */
      includeCancelled?: boolean;
    };

/**
 * A {@link ZohoAppointmentSource} with every default filled in.
 *
 * @example
 * ```ts
 * const source: ResolvedAppointmentSource = resolveAppointmentSource({ from: 'events' });
 * // { from: 'events', module: 'Events', startField: 'Start_DateTime', linkField: 'What_Id', types: null, pick: 'latest', includeCancelled: false }
 * ```
 */
export interface ResolvedAppointmentSource {
  from: 'field' | 'events';
  module: string;
  startField: string;
  linkField: string;
  /** The type field and the types that count; null: every meeting counts. */
  types: { field: string; values: readonly string[] } | null;
  pick: 'latest' | 'earliest';
  includeCancelled: boolean;
}

/**
 * The appointment source with its defaults filled in; `{ from: 'field' }` when none is given.
 *
 * @example
 * ```ts
 * resolveAppointmentSource(undefined).from; // 'field'
 * resolveAppointmentSource({ from: 'events', module: 'Meetings' }).startField; // 'Start_DateTime'
 * ```
 */
export function resolveAppointmentSource(source: ZohoAppointmentSource | undefined): ResolvedAppointmentSource {
  if (!source || source.from === 'field') {
    return {
      from: 'field',
      module: 'Events',
      startField: 'Start_DateTime',
      linkField: 'What_Id',
      types: null,
      pick: 'latest',
      includeCancelled: false,
    };
  }
  return {
    from: 'events',
    module: source.module ?? 'Events',
    startField: source.startField ?? 'Start_DateTime',
    linkField: source.linkField ?? 'What_Id',
    types: source.types && source.types.length > 0 ? { field: source.typeField ?? 'Event_Type', values: [...source.types] } : null,
    pick: source.pick ?? 'latest',
    includeCancelled: source.includeCancelled ?? false,
  };
}

/**
 * A complete field mapping: {@link DEFAULT_FIELD_MAPPING} with every key given (`null` included) overriding
 * it. Throws a `ZohoConfigError` (`INVALID_MAPPING`) when `module`, `name`, `locator`, `stage` or `createdAt`
 * is empty.
 *
 * @example
 * ```ts
 * resolveFieldMapping({ team: null }).team; // null
 * resolveFieldMapping({ locator: 'Locator' }).stage; // 'Lead_Status'
 * resolveFieldMapping({ stage: '' }); // throws a ZohoConfigError with code 'INVALID_MAPPING'
 * ```
 */
export function resolveFieldMapping(partial: Partial<ZohoFieldMapping> = {}): ZohoFieldMapping {
  const mapping: ZohoFieldMapping = { ...DEFAULT_FIELD_MAPPING };
  for (const [key, value] of Object.entries(partial) as Array<[keyof ZohoFieldMapping, string | null | undefined]>) {
    if (value !== undefined) (mapping as unknown as Record<string, string | null>)[key] = value;
  }
  for (const key of ['module', 'name', 'locator', 'stage', 'createdAt'] as const) {
    if (typeof mapping[key] !== 'string' || mapping[key].trim() === '')
      throw new ZohoConfigError(messages.mappingRequired(key), 'INVALID_MAPPING');
  }
  return mapping;
}

/**
 * The field names one Leads read asks for, checked against the 50-field limit. The appointment field is read
 * whatever the appointment source: with meetings it is the fallback when they cannot be read, so the source
 * (`_appointments`) no longer changes the list.
 *
 * @example
 * ```ts
 * leadFields(DEFAULT_FIELD_MAPPING, resolveAppointmentSource({ from: 'field' }), ['Email']);
 * // ['Full_Name', 'First_Name', 'Last_Name', 'Company', 'Owner', 'Team', 'Lead_Source', 'Lead_Status',
 * //  'Created_Time', 'First_Contact_Time', 'Appointment_Date', 'Modified_Time', 'Email']
 * ```
 */
export function leadFields(mapping: ZohoFieldMapping, _appointments: ResolvedAppointmentSource, extra: readonly string[] = []): string[] {
  const fields = new Set<string>();
  fields.add(mapping.name);
  if (mapping.name === 'Full_Name') {
    fields.add('First_Name');
    fields.add('Last_Name');
  }
  for (const f of [
    mapping.company,
    mapping.locator,
    mapping.team,
    mapping.source,
    mapping.stage,
    mapping.createdAt,
    mapping.assignedAt,
    mapping.firstContactAt,
  ]) {
    if (f) fields.add(f);
  }
  // Read with meetings too: the fallback when the meetings cannot be read (the token lacks their scope).
  if (mapping.appointmentAt) fields.add(mapping.appointmentAt);
  fields.add('Modified_Time');
  for (const f of extra) fields.add(f);
  const list = [...fields];
  if (list.length > MAX_FIELDS)
    throw new ZohoConfigError(messages.tooManyFields(mapping.module, list.length, MAX_FIELDS), 'TOO_MANY_FIELDS');
  return list;
}
