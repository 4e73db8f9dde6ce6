import { ISSUE_CSV_COLUMNS, issueCsvCells } from '../csv-columns.js';
import { cannotJudgeIssue, formatIssue, type IssueSummary } from '@panopticon/core';
import { TABLE_FORMAT_OPTION, HELP_OPTION, INPUT_OPTIONS, helpText, type OptionSpecs } from '../args.js';
import { renderJsonParts, renderTable } from '../format.js';
import { assertTabularTarget, isTabularFormat, writeTabular } from '../table-output.js';
import type { Io } from '../io.js';
import { loadInputs } from '../inputs.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = { ...INPUT_OPTIONS, ...TABLE_FORMAT_OPTION, ...HELP_OPTION };

export const CHECK_HELP = helpText(
  'panopticon check [--leads FILE] [--history FILE] [--owners FILE] [--schedule FILE] [--pipeline FILE] [--tz ZONE] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
  'The data-quality report alone: how every input row was accounted for (rows = accepted + rejected, per file),\n' +
    'and every issue with its file, line, field, value and what is wrong. A question the data cannot answer (no\n' +
    'appointment column: follow-up; no first-contact column: response time) is an error naming the fix.\n' +
    'Exits 1 when any row was rejected or a question cannot be judged.',
  OPTIONS,
  'JSON output: { stats: { rows, accepted, rejected, inputs }, issueSummary: { found, errors, omitted, examplesPerCode,\n' +
    'byCode }, cannotJudge: [{ question, field, file, cause, message }], issues: [{ severity, code, message, file, line,\n' +
    'recordId, field, value }] }. The first --issue-examples issues of each code are listed (default 100); the rest are\n' +
    'counted in issueSummary.',
);

export const checkCommand: Command<Settings> = { options: OPTIONS, help: CHECK_HELP, settings: resolveSettings, run: check };

async function check(settings: Settings, io: Io): Promise<number> {
  const { format } = settings;
  assertTabularTarget(settings, 'check');
  // The report is this command's result: it goes to stdout, not stderr.
  const loaded = await loadInputs({ ...settings, quiet: true }, io);
  const { stats } = loaded;
  const cannotJudge = loaded.cannotJudge ?? [];
  // Unanswerable questions first: they matter more than any single row.
  const issues = [...cannotJudge.map(cannotJudgeIssue), ...loaded.issues];
  const summary = loaded.issueSummary;
  const found = cannotJudge.length + (summary?.found ?? loaded.issues.length);
  const omitted = summary?.omitted ?? 0;
  if (format === 'json') {
    // In parts: with --issue-examples large, the issues alone can pass the engine's string limit.
    for (const part of renderJsonParts({ stats, issueSummary: summary, cannotJudge }, 'issues', issues)) io.out(part);
  } else if (isTabularFormat(format)) {
    await writeTabular({ ...settings, format }, io, 'check', ISSUE_CSV_COLUMNS, issues.map(issueCsvCells));
  } else {
    const perInput = Object.entries(stats.inputs ?? {}).map(([name, s]) => [name, s.rows, s.accepted, s.rejected]);
    io.out(`Data quality of ${settings.description}\n\n`);
    io.out(renderTable(['input', 'rows', 'accepted', 'rejected'], [...perInput, ['total', stats.rows, stats.accepted, stats.rejected]]));
    io.out(found === 0 ? '\nNo issues.\n' : `\n${found} issue${found === 1 ? '' : 's'}:\n`);
    for (const i of issues) io.out(`  ${formatIssue(i)}\n`);
    if (omitted > 0) io.out(`  … and ${omitted} more not listed (${omittedText(summary!)})\n`);
  }
  return stats.rejected > 0 || cannotJudge.length > 0 ? 1 : 0;
}

/** Which codes had issues left out, and how to list more. */
function omittedText(summary: IssueSummary): string {
  const codes = Object.entries(summary.byCode)
    .filter(([, c]) => c !== undefined && c.omitted > 0)
    .map(([code, c]) => `${c!.omitted} ${code}`);
  return `${codes.join(', ')}; the first ${summary.examplesPerCode} of each kind are listed, --issue-examples N lists more`;
}
