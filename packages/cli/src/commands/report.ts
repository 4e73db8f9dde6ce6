import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { columnarLeadsOf, type DataIssue } from '@panopticon/core';
import { AS_OF_OPTION, HELP_OPTION, INPUT_OPTIONS, helpText, type OptionSpecs } from '../args.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { loadInputs } from '../inputs.js';
import { createDocument } from '../report/document.js';
import { renderFigures } from '../report/figures.js';
import { buildReportModel } from '../report/model.js';
import { renderPage } from '../report/page.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import type { Command } from './command.js';
import { computeKpis } from './kpis.js';
import { followUpOptions } from './follow-up-options.js';

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  'day-count': { type: 'string', arg: 'calendar|business', help: 'how days are counted (default: config, else calendar)' },
  sla: { type: 'string', arg: 'MINUTES', help: 'response-time target in minutes (default: config, else 60)' },
  bucket: { type: 'string', arg: 'MINUTES', help: 'heatmap slot length in minutes, a divisor of 1440 (default: config, else 30)' },
  'compare-weeks': {
    type: 'string',
    arg: 'WEEKS',
    help: 'the response comparison sets the last WEEKS weeks against the WEEKS before (default: 4)',
  },
  out: { type: 'string', short: 'o', arg: 'FILE', help: 'where to write the page (default: dashboard.html)' },
  'record-url': {
    type: 'string',
    arg: 'URL',
    help: 'link to a lead\'s CRM record, with {id} for its id: the lead dialog\'s "Open in CRM" (default: config "recordUrl")',
  },
  ...HELP_OPTION,
};

export const REPORT_HELP = helpText(
  'panopticon report [--leads F] [--history F] [--owners F] [--schedule F] [--pipeline F] [--config F] [--as-of D] [--tz Z] [--out dashboard.html]',
  'Writes the daily dashboard: one self-contained HTML page (no network access when viewed; charts are inline\n' +
    'SVG) with the KPI tiles of `panopticon kpis`, the needs-attention list (sortable, filterable), the appointment\n' +
    'calendar, the pipeline, response times against staff coverage, the locator scorecard and the data-quality report.',
  OPTIONS,
  'Prints where it wrote the page. With no data flags it uses panopticon.config.json (if present) or the bundled sample data.',
);

export const reportCommand: Command<Settings> = { options: OPTIONS, help: REPORT_HELP, settings: resolveSettings, run: report };

/** `panopticon report`: computes every figure and writes the dashboard page. */
async function report(settings: Settings, io: Io): Promise<number> {
  const { compareWeeks, bucketMinutes, out } = settings;
  // jsdom takes a few hundred milliseconds to load: start now, while the CSV files are read.
  const documentReady = createDocument();
  documentReady.catch(() => {}); // awaited below; an input error must not leave it unhandled
  // The page lists every data-quality issue; the terminal gets one line about them (unless --quiet).
  const data = await loadInputs({ ...settings, quiet: true }, io);
  const columns = columnarLeadsOf(data.leads);
  const model = buildReportModel({
    leads: data.leads,
    issues: data.issues,
    stats: data.stats,
    schedule: data.schedule,
    followUp: followUpOptions(settings),
    kpis: computeKpis(settings, columns),
    // The tiles' change over a week and their sparklines: the same KPIs as of earlier instants.
    kpisAt: (asOf) => computeKpis({ ...settings, asOf }, columns),
    source: settings.description,
    bucketMinutes,
    compareWeeks,
    generatedAt: io.now(),
    recordUrl: settings.recordUrl,
    locatorEmails: settings.locatorEmails,
  });
  const html = renderPage(model, renderFigures(model, await documentReady));
  reportIssueCount(data.issues, settings.quiet, io);

  try {
    writeFileSync(out, html);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const hint = code === 'ENOENT' ? ` (does the folder ${dirname(out)} exist?)` : '';
    throw new CliError(`Cannot write the dashboard to ${out}: ${code}${hint}.`);
  }
  const kb = Math.round(Buffer.byteLength(html) / 1024);
  io.out(`Wrote the dashboard to ${out} (${kb} KB)\nOpen ${pathToFileURL(out).href} in a browser.\n`);
  return 0;
}

/** One line on stderr about the data-quality issues, which the page lists in full. */
function reportIssueCount(issues: readonly DataIssue[], quiet: boolean, io: Io): void {
  if (issues.length === 0 || quiet) return;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const parts = [
    errors ? `${errors} row error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ];
  io.err(
    `data quality: ${parts.filter(Boolean).join(', ')}, listed in the dashboard's data-quality panel (panopticon check prints them)\n`,
  );
}
