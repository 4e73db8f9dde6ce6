import { ZohoClient, fileTokenCache, listModuleFields, resolveHosts, zohoConnectionFromEnv } from '@panopticon/zoho-adapter';
import { DEFAULT_ZOHO_STORE, FORMAT_OPTION, HELP_OPTION, helpText, type OptionSpecs, type ParsedValues } from '../args.js';
import { findConfigFile, loadConfig } from '../config.js';
import { renderCsv, renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { SETTINGS } from '../settings/definitions.js';
import { zohoStore } from '../settings/resolve.js';
import { mergeLayers, readConfig, readFlags, type SettingsOf } from '../settings/setting.js';
import { zohoCliError, zohoOptions } from '../zoho.js';
import type { Command } from './command.js';
import { CliError, EXIT } from '../errors.js';

const OPTIONS: OptionSpecs = {
  config: { type: 'string', arg: 'FILE', help: 'the config file with the "zoho" section (default: panopticon.config.json here, if any)' },
  store: {
    type: 'string',
    arg: 'DIR',
    help: `where the access token is kept (default: the config's zoho.store, else ${DEFAULT_ZOHO_STORE})`,
  },
  ...FORMAT_OPTION,
  ...HELP_OPTION,
};

export const ZOHO_FIELDS_HELP = helpText(
  'panopticon zoho fields [--config FILE] [--format table|json|csv]',
  'Lists the fields of the org\'s lead module (API name, label, type): the API names are what the "mapping"\n' +
    'of the config file\'s "zoho" section takes. One API call; needs the scope ZohoCRM.settings.fields.READ.',
  OPTIONS,
  'Environment: ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, as for `panopticon sync`.',
);

const FIELDS_SETTINGS = {
  configFile: SETTINGS.configFile,
  store: SETTINGS.store,
  format: SETTINGS.format,
  zohoConfig: SETTINGS.zohoConfig,
};
type FieldsSettings = Omit<SettingsOf<typeof FIELDS_SETTINGS>, 'configFile'>;

function fieldsSettings(values: ParsedValues, io: Io): FieldsSettings {
  const flags = readFlags(FIELDS_SETTINGS, values, { cwd: io.cwd });
  const configFile = findConfigFile(flags.configFile, io.cwd);
  const config = configFile === undefined ? undefined : loadConfig(configFile);
  const { configFile: _configFile, ...settings } = mergeLayers(FIELDS_SETTINGS, flags, readConfig(FIELDS_SETTINGS, config));
  return { ...settings, store: zohoStore(flags.store, settings.zohoConfig, config?.path, io.cwd) };
}

export const zohoFieldsCommand: Command<FieldsSettings> = {
  options: OPTIONS,
  help: ZOHO_FIELDS_HELP,
  settings: fieldsSettings,
  run: fields,
};

async function fields(settings: FieldsSettings, io: Io): Promise<number> {
  // The field list is written as a table, JSON or CSV only (the data formats are for the data commands).
  if (!['table', 'json', 'csv'].includes(settings.format)) {
    throw new CliError(`panopticon zoho fields: --format ${settings.format} is not one of table, json, csv.`, EXIT.usage);
  }
  const zohoConfig = settings.zohoConfig ?? {};
  let list: Awaited<ReturnType<typeof listModuleFields>>;
  try {
    const { dc } = zohoOptions(zohoConfig, io.env);
    const connection = zohoConnectionFromEnv(io.env);
    const options = { ...connection, ...(connection.dc ? {} : dc ? { dc } : {}) };
    const { accountsUrl } = resolveHosts(options);
    const { clientId, refreshToken } = options.credentials!;
    // The token kept by syncs is reused (and a new one kept for them): no extra mint.
    const tokenCache = fileTokenCache(settings.store, [accountsUrl, clientId, refreshToken]);
    const client = new ZohoClient({ ...options, credentials: options.credentials!, tokenCache });
    list = await listModuleFields(client, zohoConfig.module ?? 'Leads');
  } catch (error) {
    throw zohoCliError(error);
  }
  const rows = list.map((f) => [f.apiName, f.label, f.type]);
  if (settings.format === 'json') io.out(renderJson(list));
  else if (settings.format === 'csv') io.out(renderCsv(['api name', 'label', 'type'], rows));
  else io.out(renderTable(['api name', 'label', 'type'], rows));
  return 0;
}
