import { pathToFileURL } from 'node:url';
import { cannotJudgeIssue } from '@panopticon/core';
import { AS_OF_OPTION, HELP_OPTION, INPUT_OPTIONS, METRIC_OPTIONS, helpText, type OptionSpecs } from '../args.js';
import { writeOutput } from '../output-file.js';
import type { Io } from '../io.js';
import { recordLinkOf, type RecordLink } from '../record-url.js';
import { loadColumnarInputs, loadInputs, sampleNote } from '../inputs.js';
import { createDocument } from '../report/document.js';
import { renderFigures } from '../report/figures.js';
import { reportLeadsOfColumns, reportLeadsOfObjects, type ReportLeads } from '../report/lead-view.js';
import { buildReportModel } from '../report/model.js';
import { renderPage } from '../report/page.js';
import { reportSurvival } from '../report/survival-data.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import type { Command } from './command.js';
import { computeKpis } from './kpis.js';
import { followUpOptions } from './follow-up-options.js';

/** The flags of the page's figures and where it is written (shared with run-daily). */
export const PAGE_OPTIONS: OptionSpecs = {
  ...METRIC_OPTIONS,
  slot: { type: 'string', arg: 'MINUTES', help: 'heatmap slot length in minutes, a divisor of 1440 (default: config, else 30)' },
  'compare-weeks': {
    type: 'string',
    arg: 'WEEKS',
    help: 'the response comparison sets the last WEEKS weeks against the WEEKS before (default: 4)',
  },
  out: { type: 'string', short: 'o', arg: 'FILE', help: 'where to write the page (default: dashboard.html)' },
};

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  ...PAGE_OPTIONS,
  since: {
    type: 'string',
    arg: 'DATE',
    help: 'mark the needs-attention rows new or worse, and list the leads resolved, since DATE (a date or timestamp before --as-of; default: a day before --as-of)',
  },
  'record-url': {
    type: 'string',
    arg: 'URL',
    help: 'link to a lead\'s CRM record, with {id} for its id: the lead dialog\'s "Open in CRM" (default: config "recordUrl")',
  },
  ...HELP_OPTION,
};

export const REPORT_HELP = helpText(
  'panopticon report [--leads F] [--history F] [--owners F] [--schedule F] [--pipeline F] [--config F] [--as-of D] [--since D] [--tz Z] [--out dashboard.html]',
  'Writes the daily dashboard: one self-contained HTML page (no network access when viewed; charts are inline\n' +
    'SVG) with the KPI tiles of `panopticon kpis`, the needs-attention list (sortable, filterable), the appointment\n' +
    'calendar, the pipeline, response times against staff coverage, the locator scorecard and the data-quality report.',
  OPTIONS,
  'Prints where it wrote the page. With no data flags it uses panopticon.config.json (if present) or the bundled sample data.',
);

export const reportCommand: Command<Settings> = { options: OPTIONS, help: REPORT_HELP, settings: resolveSettings, run: report };

/** `panopticon report`: computes every figure and writes the dashboard page. */
async function report(settings: Settings, io: Io): Promise<number> {
  const { compareWeeks, slotMinutes, out } = settings;
  // jsdom takes a few hundred milliseconds to load: start now, while the CSV files are read.
  const documentReady = createDocument();
  documentReady.catch(() => {}); // awaited below; an input error must not leave it unhandled
  // The page lists every data-quality issue; the terminal gets one line about them (unless --quiet).
  const { data, leads } = await loadReportLeads(settings, io);
  const cannotJudge = data.cannotJudge ?? [];
  // Every issue counted; the page lists the first of each code.
  const loadErrors = data.issueSummary?.errors ?? data.issues.filter((i) => i.severity === 'error').length;
  const loadFound = data.issueSummary?.found ?? data.issues.length;
  const issueCounts = {
    errors: cannotJudge.length + loadErrors,
    warnings: loadFound - loadErrors,
    omitted: data.issueSummary?.omitted ?? 0,
    ...(data.issueSummary ? { examplesPerCode: data.issueSummary.examplesPerCode } : {}),
  };
  const { columns } = leads;
  const model = buildReportModel({
    leads: leads.objects,
    columns,
    issues: [...cannotJudge.map(cannotJudgeIssue), ...data.issues],
    cannotJudge,
    issueCounts,
    stats: data.stats,
    schedule: data.schedule,
    followUp: followUpOptions(settings),
    kpis: computeKpis(settings, columns),
    // The tiles' change over a week and their sparklines: the same KPIs as of earlier instants.
    kpisAt: (asOf) => computeKpis({ ...settings, asOf }, columns),
    source: settings.description,
    slotMinutes,
    compareWeeks,
    generatedAt: io.now(),
    ...recordLinkInput(recordLinkOf(settings, io.env, data.syncedOrg)),
    locatorEmails: settings.digest?.locators,
    since: settings.since,
    survival: reportSurvival(settings, leads, cannotJudge),
  });
  const html = renderPage(model, renderFigures(model, await documentReady));
  const note = settings.source.kind === 'csv' && settings.source.usingSample ? sampleNote(data.issues) : undefined;
  if (note !== undefined && !settings.quiet) io.err(note);
  else reportIssueCount(issueCounts, settings.quiet, io);

  await writeOutput(out, html, { what: 'the dashboard', inputs: settings.inputs });
  const kb = Math.round(Buffer.byteLength(html) / 1024);
  io.out(`Wrote the dashboard to ${out} (${kb} KB)\nOpen ${pathToFileURL(out).href} in a browser.\n`);
  // The page says "cannot judge" where it could not; the exit code says so too.
  for (const u of cannotJudge) io.err(`panopticon report: ${u.message}\n`);
  return cannotJudge.length > 0 ? 1 : 0;
}

/**
 * The leads of the report with the load's issues and stats: files are read straight into columns (no object
 * per lead: a million response rows must fit the memory budget), Zoho and PostgreSQL leads come as objects.
 */
async function loadReportLeads(settings: Settings, io: Io) {
  const quiet = { ...settings, quiet: true };
  if (settings.source.kind === 'csv') {
    const { leads, stages, owners, ...data } = await loadColumnarInputs(quiet, io);
    const columns = { leads, stages, owners };
    return { data, leads: reportLeadsOfColumns(columns, settings.source.owners !== undefined) as ReportLeads };
  }
  const { leads, ...data } = await loadInputs(quiet, io);
  return { data, leads: reportLeadsOfObjects(leads) };
}

/** One line on stderr about the data-quality issues, which the page lists. */
function reportIssueCount({ errors, warnings }: { errors: number; warnings: number }, quiet: boolean, io: Io): void {
  if (errors + warnings === 0 || quiet) return;
  const parts = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ];
  io.err(
    `data quality: ${parts.filter(Boolean).join(', ')}, listed in the dashboard's data-quality panel (panopticon check prints them)\n`,
  );
}

/** The record link as the report's input: the template, or why there is none. */
function recordLinkInput(link: RecordLink): { recordUrl?: string; recordUrlMissing?: string } {
  return link.template === null ? { recordUrlMissing: link.missing } : { recordUrl: link.template };
}
