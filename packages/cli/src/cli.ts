import { attentionCommand } from './commands/attention.js';
import { checkCommand } from './commands/check.js';
import { heatmapCommand } from './commands/heatmap.js';
import { kpisCommand } from './commands/kpis.js';
import { CliError } from './errors.js';
import { processIo, type Io } from './io.js';

type Command = (argv: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  kpis: { run: kpisCommand, summary: 'headline follow-up and response figures' },
  attention: { run: attentionCommand, summary: 'the needs-attention list: which leads, whose, how late' },
  heatmap: { run: heatmapCommand, summary: 'response performance by weekday × time slot' },
  check: { run: checkCommand, summary: 'the data-quality report alone' },
};

export const MAIN_HELP = `Usage: panopticon <command> [options]

Panopticon makes lead follow-up accountable. With no --leads, commands use the bundled sample data.

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}

Run panopticon <command> --help for a command's options.
`;

/**
 * Runs the command line and resolves to the exit code: 0 success, 1 input or data error, 2 usage error.
 * User errors are printed as one message, never as a stack trace.
 */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
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
    io.err(`panopticon: unknown command "${name}".\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
