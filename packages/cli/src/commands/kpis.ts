import { kpisColumnar, summarizeResponsesColumnar, type ColumnarLeads } from '@panopticon/core';
import { AS_OF_OPTION, FORMAT_OPTION, HELP_OPTION, INPUT_OPTIONS, formatValue, helpText, integerValue, parseCommandArgs, type OptionSpecs } from '../args.js';
import { renderCsv, renderJson, renderTable, type Cell } from '../format.js';
import type { Io } from '../io.js';
import { loadColumnarInputs, type InputContext } from '../inputs.js';
import { followUpOptions, formatInstant } from './follow-up-options.js';
import type { ParsedValues } from '../args.js';

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  'day-count': { type: 'string', arg: 'calendar|business', help: 'how days are counted (default: calendar)' },
  sla: { type: 'string', arg: 'MINUTES', help: 'response-time target in minutes (default: 60)' },
  ...FORMAT_OPTION,
  ...HELP_OPTION,
};

export const KPIS_HELP = helpText(
  'panopticon kpis [--leads FILE] [--history FILE] [--owners FILE] [--pipeline FILE] [--as-of DATE] [--tz ZONE] [--format table|json|csv]',
  'Headline figures as of --as-of: appointed leads by follow-up status, needs attention, conversion rate,\n' +
    'time to intervention, green → delivery, and response time against the SLA.',
  OPTIONS,
  'JSON output: { asOf, timeZone, source, followUp: { appointed, upcoming, awaiting, atRisk, stale, stalled, stuckInGreen,\n' +
    'progressed, won, lost, needsAttention, conversionRate, medianDaysToIntervention, pendingIntervention, … },\n' +
    'response: { total, contacted, withinSla, pctWithinSla, medianMinutes, p90Minutes, bands } }.',
);

/**
 * The KPI object printed by `panopticon kpis --format json` and shown in the dashboard's tiles: both
 * compute it from the leads as columns, so the tiles and the command agree by construction.
 */
export function computeKpis(values: ParsedValues, inputs: InputContext, data: ColumnarLeads) {
  const options = followUpOptions(values, inputs);
  const slaMinutes = integerValue(values, 'sla', inputs.settings.slaMinutes ?? 60);
  const followUp = kpisColumnar(data, options);
  const response = summarizeResponsesColumnar(data.leads, { timeZone: inputs.timeZone, slaMinutes, asOf: inputs.asOf });
  return { asOf: inputs.asOf.toISOString(), timeZone: inputs.timeZone, source: inputs.description, slaMinutes, followUp, response };
}

export async function kpisCommand(argv: string[], io: Io): Promise<number> {
  const values = parseCommandArgs('kpis', argv, OPTIONS);
  if (values.help) {
    io.out(KPIS_HELP);
    return 0;
  }
  const format = formatValue(values);
  const inputs = await loadColumnarInputs(values, io);
  const result = computeKpis(values, inputs, inputs.result);
  if (format === 'json') {
    io.out(renderJson(result));
    return 0;
  }
  const rows = flatten(result as unknown as Record<string, unknown>);
  if (format === 'csv') io.out(renderCsv(['metric', 'value'], rows));
  else io.out(`KPIs as of ${formatInstant(inputs.asOf, inputs.timeZone)} (${inputs.timeZone})\n\n${renderTable(['metric', 'value'], rows)}`);
  return 0;
}

/** Nested objects as "a.b" rows, for the table and CSV formats. */
function flatten(value: Record<string, unknown>, prefix = ''): Cell[][] {
  const rows: Cell[][] = [];
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !(v instanceof Date)) rows.push(...flatten(v as Record<string, unknown>, name));
    else rows.push([name, v as Cell]);
  }
  return rows;
}
