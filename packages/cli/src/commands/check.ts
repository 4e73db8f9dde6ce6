import { cannotJudgeIssue, formatIssue } from '@panopticon/core';
import { FORMAT_OPTION, HELP_OPTION, INPUT_OPTIONS, helpText, type OptionSpecs } from '../args.js';
import { renderCsv, renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { loadInputs } from '../inputs.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = { ...INPUT_OPTIONS, ...FORMAT_OPTION, ...HELP_OPTION };

export const CHECK_HELP = helpText(
  'panopticon check [--leads FILE] [--history FILE] [--owners FILE] [--schedule FILE] [--pipeline FILE] [--tz ZONE] [--format table|json|csv]',
  'The data-quality report alone: how every input row was accounted for (rows = accepted + rejected, per file),\n' +
    'and every issue with its file, line, field, value and what is wrong. A question the data cannot answer (no\n' +
    'appointment column: follow-up; no first-contact column: response time) is an error naming the fix.\n' +
    'Exits 1 when any row was rejected or a question cannot be judged.',
  OPTIONS,
  'JSON output: { stats: { rows, accepted, rejected, inputs }, issues: [{ severity, code, message, file, line, recordId, field, value }] }.',
);

export const checkCommand: Command<Settings> = { options: OPTIONS, help: CHECK_HELP, settings: resolveSettings, run: check };

async function check(settings: Settings, io: Io): Promise<number> {
  const { format } = settings;
  // The report is this command's result: it goes to stdout, not stderr.
  const loaded = await loadInputs({ ...settings, quiet: true }, io);
  const { stats } = loaded;
  const cannotJudge = loaded.cannotJudge ?? [];
  // Unanswerable questions first: they matter more than any single row.
  const issues = [...cannotJudge.map(cannotJudgeIssue), ...loaded.issues];
  if (format === 'json') {
    io.out(renderJson({ stats, cannotJudge, issues }));
  } else if (format === 'csv') {
    const cols = ['severity', 'code', 'file', 'line', 'recordId', 'field', 'value', 'message'] as const;
    io.out(
      renderCsv(
        [...cols],
        issues.map((i) => cols.map((c) => i[c])),
      ),
    );
  } else {
    const perInput = Object.entries(stats.inputs ?? {}).map(([name, s]) => [name, s.rows, s.accepted, s.rejected]);
    io.out(`Data quality of ${settings.description}\n\n`);
    io.out(renderTable(['input', 'rows', 'accepted', 'rejected'], [...perInput, ['total', stats.rows, stats.accepted, stats.rejected]]));
    io.out(
      issues.length === 0
        ? '\nNo issues.\n'
        : `\n${issues.length} issue${issues.length === 1 ? '' : 's'}:\n${issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`,
    );
  }
  return stats.rejected > 0 || cannotJudge.length > 0 ? 1 : 0;
}
