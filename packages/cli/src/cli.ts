import { parseCommandArgs } from './args.js';
import type { Command } from './commands/command.js';
import { CliError } from './errors.js';
import { didYouMean } from './suggest.js';
import { processIo, type Io } from './io.js';

// Each command is loaded only when it runs: `heatmap` should not pay for Plot, jsdom or the Zoho client
// (a few hundred milliseconds and ~30 MB at start-up).
const COMMANDS: Record<string, { load: () => Promise<Command<any>>; summary: string }> = {
  kpis: { load: async () => (await import('./commands/kpis.js')).kpisCommand, summary: 'headline follow-up and response figures' },
  attention: {
    load: async () => (await import('./commands/attention.js')).attentionCommand,
    summary: 'the needs-attention list: which leads, whose, how late',
  },
  heatmap: {
    load: async () => (await import('./commands/heatmap.js')).heatmapCommand,
    summary: 'response performance by weekday × time slot',
  },
  survival: {
    load: async () => (await import('./commands/survival.js')).survivalCommand,
    summary: 'time to first contact, in stage, to progress: curves with open cases censored',
  },
  'time-in-stage': {
    load: async () => (await import('./commands/time-in-stage.js')).timeInStageCommand,
    summary: 'how long stages hold leads: visits, median and 90th percentile days per stage',
  },
  pipeline: {
    load: async () => (await import('./commands/pipeline.js')).pipelineCommand,
    summary: 'leads per stage at --as-of, or weekly with --trend',
  },
  'green-to-delivery': {
    load: async () => (await import('./commands/green-to-delivery.js')).greenToDeliveryCommand,
    summary: 'how long approved leads wait for delivery, a row per lead',
  },
  appointments: {
    load: async () => (await import('./commands/appointments.js')).appointmentsCommand,
    summary: 'the appointed leads of a day, week, month or range, with their status',
  },
  scorecard: {
    load: async () => (await import('./commands/scorecard.js')).scorecardCommand,
    summary: 'per locator: leads by follow-up status, needing attention, conversion',
  },
  check: { load: async () => (await import('./commands/check.js')).checkCommand, summary: 'the data-quality report alone' },
  report: {
    load: async () => (await import('./commands/report.js')).reportCommand,
    summary: 'write the daily dashboard: one self-contained HTML page',
  },
  digest: {
    load: async () => (await import('./commands/digest.js')).digestCommand,
    summary: 'send what changed on the needs-attention list to the people who must act',
  },
  'run-daily': {
    load: async () => (await import('./commands/run-daily.js')).runDailyCommand,
    summary: 'sync (with --zoho), write the page, send the digest: the daily loop',
  },
  sync: {
    load: async () => (await import('./commands/sync.js')).syncCommand,
    summary: 'sync leads and stage history from Zoho CRM into a local snapshot',
  },
  'zoho init': {
    load: async () => (await import('./commands/zoho-init.js')).zohoInitCommand,
    summary: 'write a commented panopticon.config.json with a "zoho" section',
  },
  'zoho fields': {
    load: async () => (await import('./commands/zoho-fields.js')).zohoFieldsCommand,
    summary: "list the org's lead fields (API name, label, type) for the mapping",
  },
  'fake-zoho': {
    load: async () => (await import('./commands/fake-zoho.js')).fakeZohoCommand,
    summary: 'start the fake Zoho CRM server on loopback (demos, trying sync)',
  },
};

/**
 * The top-level help text: usage, one line per command, and how to get a command's options. {@link main}
 * prints it for `--help` (and, with exit code 2, when no command is given).
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * await main(['--help'], { out: (t) => out.push(t), err: () => {}, env: {}, now: () => new Date(), cwd: process.cwd() });
 * out.join('') === MAIN_HELP; // true
 * ```
 */
export const MAIN_HELP = `Usage: panopticon <command> [options]

Panopticon makes lead follow-up accountable. With no --leads, commands use the bundled sample data.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(19)} ${c.summary}`)
  .join('\n')}

Run panopticon <command> --help for a command's options.
`;

/**
 * Runs the command line and resolves to the exit code (errors.ts: EXIT): 0 success, 1 findings, 2 usage error,
 * 3 an input that cannot be read. Errors are printed as one message, never as a stack trace.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const io: Io = { out: (t) => out.push(t), err: (t) => process.stderr.write(t), env: {}, now: () => new Date(), cwd: process.cwd() };
 * const code = await main(['kpis', '--format', 'json'], io); // 0: the bundled sample data's KPIs
 * const kpis = JSON.parse(out.join(''));
 * await main(['kpis', '--as-of', 'yesterday'], io); // 2: a usage error, its message written to io.err
 * ```
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // Two-word commands (`zoho init`, `zoho fields`) are looked up by both words.
  const [first, ...others] = argv;
  const [name, rest] =
    first === 'zoho' && others[0] !== undefined && !others[0].startsWith('-') ? [`zoho ${others[0]}`, others.slice(1)] : [first, others];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(MAIN_HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out('0.1.0\n');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`panopticon: unknown command "${name}"${didYouMean(name, Object.keys(COMMANDS))}.\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    const { options, help, settings, run } = await command.load();
    // The edge: flags parsed, then resolved (with the config file and defaults) into settings, once.
    const values = parseCommandArgs(name, rest, options);
    if (values.help) {
      io.out(help);
      return 0;
    }
    return await run(settings(values, io), io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    // Anything else is a fault of Panopticon, not of the input: its message (no stack) and how to report it.
    const message = error instanceof Error ? error.message : String(error);
    io.err(`panopticon ${name}: unexpected error: ${message}\nPlease report it with the command you ran.\n`);
    return 1;
  }
}
