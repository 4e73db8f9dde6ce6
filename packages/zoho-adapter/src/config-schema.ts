/**
 * The `zoho` section of panopticon.config.json: one place for everything a Zoho org needs besides its
 * secrets (which stay in the environment), and its schema. Also the subpath `@panopticon/zoho-adapter/config`:
 * the command line validates its config file with {@link ZohoConfigSchema} from there, so that a command that
 * does not sync loads neither the client nor the sync (config-file.ts turns the section into sync options).
 *
 * @module
 */
import * as z from 'zod';
import { ZOHO_DATA_CENTER_NAMES } from './data-centers.js';
import type { ZohoFieldMapping, ZohoHistoryModuleConfig } from './mapping.js';

export type { ZohoFieldMapping, ZohoHistoryModuleConfig } from './mapping.js';

const apiName = (what: string) =>
  z.string({ error: `expected ${what} as a Zoho API name such as "Site_Visit_Date"` }).min(1, { error: `${what} must not be empty` });
const optionalField = (what: string) =>
  z.union([apiName(what), z.null()], { error: `expected ${what} as a Zoho API name, or null to leave it out` });

/** `zoho.mapping`: the keys of {@link ZohoFieldMapping} (but `module`), each a Leads field's API name. */
const mappingSchema = () =>
  z.strictObject({
    name: apiName('the name field').optional(),
    company: optionalField('the company field').optional(),
    locator: apiName('the locator field').optional(),
    team: optionalField('the team field').optional(),
    source: optionalField('the source field').optional(),
    stage: apiName('the stage field').optional(),
    createdAt: apiName('the creation time field').optional(),
    assignedAt: optionalField('the assignment time field').optional(),
    firstContactAt: optionalField('the first contact field').optional(),
    appointmentAt: optionalField('the appointment field').optional(),
  });

/** `zoho.history`: the history-tracking module (its name and columns), or `"timeline"` (none: timelines only). */
const historySchema = () =>
  z.union(
    [
      z.literal('timeline'),
      z.strictObject({
        module: apiName('the history module').optional(),
        parent: apiName('the lead lookup of the history module').optional(),
        stage: apiName('the stage column of the history module').optional(),
        movedTo: apiName('the moved-to column of the history module').optional(),
        time: apiName('the time column of the history module').optional(),
        owner: apiName('the owner column of the history module').optional(),
      }),
    ],
    { error: 'expected "timeline" or the history module { "module": "Lead_Status_History", … }' },
  );

/** `zoho.appointments`: a Leads field, or meetings in Events (the link field, which event types count). */
const appointmentsSchema = () =>
  z.discriminatedUnion(
    'from',
    [
      z.strictObject({ from: z.literal('field'), field: optionalField('the appointment field').optional() }),
      z.strictObject({
        from: z.literal('events'),
        module: apiName('the meetings module').optional(),
        startField: apiName('the meeting start field').optional(),
        linkField: apiName('the field linking a meeting to its lead').optional(),
        typeField: apiName('the meeting type field').optional(),
        types: z.array(z.string(), { error: 'expected a list of meeting types' }).optional(),
        pick: z.enum(['latest', 'earliest'], { error: 'expected "latest" or "earliest"' }).optional(),
        includeCancelled: z.boolean({ error: 'expected true or false' }).optional(),
      }),
    ],
    { error: 'expected { "from": "field" } or { "from": "events", … }' },
  );

const ORG_ID = /^(org)?\d{1,20}$/;

const DAY = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * The `zoho` section of panopticon.config.json; unknown keys are refused.
 *
 * @example
 * ```ts
 * const config = ZohoConfigSchema.parse({
 *   dataCenter: 'EU', module: 'Leads', mapping: { locator: 'Locator', appointmentAt: 'Site_Visit_Date', team: null },
 *   history: { module: 'Stage_History' }, ownerHistory: true, historySince: '2025-01-01', store: '.panopticon/zoho',
 * });
 * const options = zohoSyncOptionsFromConfig(config);
 * ```
 */
// Built on first use: every `panopticon` data command loads this module (its settings declare the section),
// and only a config file with a `zoho` section, or `--zoho`, needs the schema.
export const ZohoConfigSchema: z.ZodType<ZohoConfig> = z.lazy(() =>
  z.strictObject({
    /** The data center (`ZOHO_DC` in the environment wins; UK and others: `ZOHO_ACCOUNTS_URL` + `ZOHO_API_DOMAIN`). */
    dataCenter: z
      .enum(ZOHO_DATA_CENTER_NAMES as [string, ...string[]], { error: `expected one of ${ZOHO_DATA_CENTER_NAMES.join(', ')}` })
      .optional(),
    /** The lead module. Default `Leads`. */
    module: apiName('the lead module').optional(),
    mapping: mappingSchema().optional(),
    history: historySchema().optional(),
    appointments: appointmentsSchema().optional(),
    /** Read owner changes (for time to intervention). Default true. */
    ownerHistory: z.boolean({ error: 'expected true or false' }).optional(),
    /** When history tracking was switched on: older appointed leads get their timeline. */
    historySince: z
      .string({ error: 'expected a date such as "2025-01-01"' })
      .regex(DAY, { error: 'expected a date such as "2025-01-01"' })
      .optional(),
    /** The snapshot directory, relative to the config file. */
    store: z.string({ error: 'expected a directory path' }).min(1, { error: 'expected a directory path' }).optional(),
    /** Requests in flight at once (Zoho's limit per edition: 5 Free … 25 Ultimate). Default 5. */
    concurrency: z.number({ error: 'expected a whole number from 1 to 25' }).int().min(1).max(25).optional(),
    /** The org's id as in a record's address (`org20079833178` or `20079833178`): the default CRM record link. */
    orgId: z
      .string({ error: 'expected the org id as in a record\'s address, such as "org20079833178"' })
      .regex(ORG_ID, { error: 'expected the org id as in a record\'s address, such as "org20079833178"' })
      .optional(),
  }),
);

/**
 * The `zoho` section of panopticon.config.json, as validated by {@link ZohoConfigSchema}.
 *
 * @example
 * ```ts
 * const config: ZohoConfig = { mapping: { appointmentAt: 'Site_Visit_Date' }, history: 'timeline' };
 * ```
 */
export interface ZohoConfig {
  /** The data center (`ZOHO_DC` in the environment wins; UK and others: `ZOHO_ACCOUNTS_URL` + `ZOHO_API_DOMAIN`). */
  dataCenter?: string | undefined;
  /** The lead module. Default `Leads`. */
  module?: string | undefined;
  /** Lead property → the API name of the org's Leads field; `null` leaves an optional one out. */
  mapping?: Partial<Omit<ZohoFieldMapping, 'module'>> | undefined;
  /** The history-tracking module (its name and columns), or `"timeline"`: no module, timelines only. */
  history?: 'timeline' | Partial<ZohoHistoryModuleConfig> | undefined;
  /** Appointments from a Leads field, or from meetings in Events. */
  appointments?: ZohoConfigAppointments | undefined;
  /** Read owner changes (for time to intervention). Default true on the command line. */
  ownerHistory?: boolean | undefined;
  /** When history tracking was switched on (a date): older appointed leads get their timeline. */
  historySince?: string | undefined;
  /** The snapshot directory, relative to the config file. */
  store?: string | undefined;
  /** Requests in flight at once, 1 to 25. Default 5. */
  concurrency?: number | undefined;
  /** The org's id as in a record's address (`org20079833178` or `20079833178`): the default CRM record link. */
  orgId?: string | undefined;
}

/**
 * `zoho.appointments`: a Leads field (`field`, default the mapping's `appointmentAt`), or meetings.
 *
 * @example
 * ```ts
 * const appointments: ZohoConfigAppointments = { from: 'events', types: ['Site Visit'], typeField: 'Event_Type' };
 * ```
 */
export type ZohoConfigAppointments =
  | { from: 'field'; field?: string | null | undefined }
  | {
      from: 'events';
      module?: string | undefined;
      startField?: string | undefined;
      linkField?: string | undefined;
      typeField?: string | undefined;
      types?: string[] | undefined;
      /** `latest` (default) or `earliest`. */
      pick?: 'latest' | 'earliest' | undefined;
      includeCancelled?: boolean | undefined;
    };
