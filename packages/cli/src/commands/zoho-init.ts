import { existsSync } from 'node:fs';
import { writeOutput } from '../output-file.js';
import { ZOHO_DATA_CENTER_NAMES } from '@panopticon/zoho-adapter';
import { DEFAULT_ZOHO_STORE, HELP_OPTION, helpText, type OptionSpecs, type ParsedValues } from '../args.js';
import { CONFIG_FILE_NAME } from '../config.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { absolute } from '../settings/setting.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  config: { type: 'string', arg: 'FILE', help: `the file to write (default: ${CONFIG_FILE_NAME} here)` },
  dc: { type: 'string', arg: 'DC', help: `your data center: ${ZOHO_DATA_CENTER_NAMES.join(', ')} (default: US)` },
  force: { type: 'boolean', help: 'overwrite the file if it exists' },
  ...HELP_OPTION,
};

export const ZOHO_INIT_HELP = helpText(
  'panopticon zoho init [--config FILE] [--dc DC] [--force]',
  'Writes a commented starting panopticon.config.json with a "zoho" section: Zoho\'s standard field names,\n' +
    "the stage history module, owner history on. Edit the mapping to your org's fields (`panopticon zoho fields`\n" +
    'lists them). Secrets are not written: they stay in the environment.',
  OPTIONS,
);

interface InitSettings {
  path: string;
  dc: string;
  force: boolean;
}

function initSettings(values: ParsedValues, io: Io): InitSettings {
  const dc = typeof values.dc === 'string' ? values.dc.toUpperCase() : 'US';
  if (!ZOHO_DATA_CENTER_NAMES.includes(dc as never)) {
    throw new CliError(
      `--dc must be one of ${ZOHO_DATA_CENTER_NAMES.join(', ')}, got "${String(values.dc)}" (UK and others: set ZOHO_ACCOUNTS_URL and ZOHO_API_DOMAIN).`,
      2,
    );
  }
  return { path: absolute(typeof values.config === 'string' ? values.config : CONFIG_FILE_NAME, io.cwd), dc, force: values.force === true };
}

export const zohoInitCommand: Command<InitSettings> = { options: OPTIONS, help: ZOHO_INIT_HELP, settings: initSettings, run: init };

/** The starting file: valid for `loadConfig` (which allows `//` comments), every value Zoho's default. */
export function startingConfig(dc: string): string {
  return `{
  // Panopticon's settings for this folder (docs/configuration.md, docs/zoho.md). Flags override them.
  // Secrets never go here: set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN in the environment.
  "timeZone": "UTC",
  "zoho": {
    // Your CRM's address tells the data center: crm.zoho.eu is EU. UK and others: set ZOHO_ACCOUNTS_URL and
    // ZOHO_API_DOMAIN instead (docs/zoho.md).
    "dataCenter": "${dc}",
    "module": "Leads",
    // Lead property -> your org's field (its API name; \`panopticon zoho fields\` lists them). null leaves one out.
    "mapping": {
      "name": "Full_Name",
      "company": "Company",
      "locator": "Owner",
      "team": "Team",
      "source": "Lead_Source",
      "stage": "Lead_Status",
      "createdAt": "Created_Time",
      "firstContactAt": "First_Contact_Time",
      "appointmentAt": "Appointment_Date"
    },
    // The stage field's history-tracking module; "timeline" when tracking is off (one call per appointed lead).
    "history": { "module": "Lead_Status_History" },
    // Appointments from the field above; or { "from": "events", "types": ["Site Visit"], "typeField": "Event_Type" }.
    "appointments": { "from": "field" },
    // Owner changes, for time to intervention: from the history module where it writes a row on each owner
    // change (add "owner": "Lead_Owner" to "history"), else appointed leads' timelines, once, then incrementally.
    "ownerHistory": true,
    // The local snapshot, relative to this file.
    "store": "${DEFAULT_ZOHO_STORE}"
  }
}
`;
}

async function init(settings: InitSettings, io: Io): Promise<number> {
  if (existsSync(settings.path) && !settings.force)
    throw new CliError(`${settings.path} exists already: edit it, or add --force to replace it.`);
  await writeOutput(settings.path, startingConfig(settings.dc), { what: 'the config file' });
  io.out(
    `Wrote ${settings.path}. Next: set the ZOHO_* variables, run \`panopticon zoho fields\`, fill the mapping, then \`panopticon sync --zoho\`.\n`,
  );
  return 0;
}
