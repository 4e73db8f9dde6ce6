import type { CsvColumn, CsvFileKind } from './column-names.js';

/** The lead id's labels in a history file (stage or owner). */
const HISTORY_LEAD_ID = ['Record Id', 'Lead Id', 'Deal Id', 'Opportunity Id', 'Deal - ID', 'Lead - ID', 'Id'];

/** The change time's labels in a history file: the generic edit times, then `own` (that kind of file's), then the generic dates. */
const changedAt = (...own: string[]): string[] => [
  ...['Changed At', 'Changed Time', 'Changed On', 'Modified Time', 'Last Modified Time', 'Last Modified Date', 'Edit Date'],
  ...own,
  ...['Update Time', 'Created Date', 'Created Time', 'Date'],
];

/**
 * The header labels that CRM exports give the columns Panopticon reads, besides its own snake_case names:
 * the standard labels of Zoho CRM, Salesforce, HubSpot and Pipedrive lead and deal exports (and of their
 * stage- and owner-history reports). Labels match ignoring case, spaces, punctuation, symbols and accents:
 * `Lead Owner`, `lead_owner` and `LEAD-OWNER` are one label.
 *
 * Each column lists its labels in order of preference: when a file has two of them (`Lead Status` and
 * `Lifecycle Stage`), the first listed is read and the other is reported as a column not read.
 * docs/data-formats.md lists this table for users (a test keeps the two equal).
 *
 * @example
 * ```ts
 * CSV_COLUMN_LABELS.leads.locator.includes('Lead Owner'); // true
 * ```
 */
export const CSV_COLUMN_LABELS: { readonly [K in CsvFileKind]: { readonly [C in CsvColumn<K>]: readonly string[] } } = {
  leads: {
    lead_id: ['Record Id', 'Lead Id', 'Deal Id', 'Opportunity Id', 'Contact Id', 'Deal - ID', 'Lead - ID', 'Id'],
    name: ['Full Name', 'Lead Name', 'Deal Name', 'Opportunity Name', 'Contact Name', 'Deal - Title', 'Lead - Title', 'Name'],
    received_time: [
      'Created Time',
      'Created Date',
      'Create Date',
      'Created On',
      'Created At',
      'Deal - Deal created',
      'Lead - Lead created',
      'Deal created',
      'Lead created',
      'Received Time',
      'Received At',
      'Created',
    ],
    first_contact_time: [
      'First Contact Time',
      'First Contact Date',
      'First Contacted Time',
      'First Contacted',
      'First Contacted At',
      'First Engagement Date',
      'Date of first engagement',
      'First Outreach Date',
      'First Activity Date',
      'First Call Date',
    ],
    appointment_time: [
      'Appointment Time',
      'Appointment Date',
      'Appointment Date Time',
      'Appointment',
      'Meeting Time',
      'Meeting Date',
      'Meeting Start Time',
      'Meeting Booked Date',
      'Scheduled Time',
    ],
    stage: ['Lead Status', 'Deal Stage', 'Deal - Stage', 'Stage Name', 'Lead - Status', 'Status', 'Lifecycle Stage'],
    locator: [
      'rep',
      'owner',
      'Lead Owner',
      'Contact owner',
      'Deal Owner',
      'Opportunity Owner',
      'Account Owner',
      'Record Owner',
      'HubSpot Owner',
      'Deal - Owner',
      'Lead - Owner',
      'Owner Name',
      'Sales Rep',
      'Assigned To',
    ],
    team: ['Team', 'Sales Team', 'HubSpot Team', 'Owner Team', 'Territory'],
    source: ['Lead Source', 'Source', 'Original Source', 'Deal - Source', 'Lead - Source', 'Source Channel'],
    company: ['Company', 'Company Name', 'Account Name', 'Associated Company', 'Organization', 'Organization Name', 'Deal - Organization'],
    assigned_time: ['Assigned Time', 'Assigned Date', 'Assignment Date', 'Owner Assigned Date', 'Assigned At'],
  },
  stageHistory: {
    lead_id: HISTORY_LEAD_ID,
    stage: ['Stage', 'Stage Name', 'New Stage', 'To Stage', 'Lead Status', 'Deal Stage', 'Status', 'New Value'],
    changed_at: changedAt('Stage Change Date', 'Date Entered Stage'),
  },
  ownerHistory: {
    lead_id: HISTORY_LEAD_ID,
    locator: [
      'rep',
      'owner',
      'New Owner',
      'To Owner',
      'Lead Owner',
      'Contact owner',
      'Deal Owner',
      'Owner Name',
      'Assigned To',
      'New Value',
    ],
    changed_at: changedAt('Assigned Time'),
  },
  schedule: {
    rep: ['locator', 'owner', 'Sales Rep', 'User'],
    day_of_week: ['Day', 'Weekday', 'Day of Week'],
    shift_start: ['Start', 'Start Time', 'Shift Start Time'],
    shift_end: ['End', 'End Time', 'Shift End Time'],
  },
};

/**
 * A header as it is compared: lower case, without spaces, punctuation, symbols or accents, so that
 * `Lead Owner`, `lead_owner` and `LEAD-OWNER` are equal. Letters and digits of any script are kept.
 *
 * @example
 * ```ts
 * normalizeHeader(' Deal - Deal created '); // 'dealdealcreated'
 * ```
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '');
}
