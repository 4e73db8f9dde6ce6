import type { OptionSpecs, ParsedValues } from '../args.js';
import type { Io } from '../io.js';

/**
 * A command as the CLI runs it: its flags and help, how its parsed flags resolve into its settings (the
 * CLI's edge, in cli.ts), and what it does with them. `run` never sees the parsed flags.
 */
export interface Command<S> {
  options: OptionSpecs;
  help: string;
  /** The parsed flags (and the environment) as the command's validated settings; usage errors name the flag. */
  settings: (values: ParsedValues, io: Io) => S;
  run: (settings: S, io: Io) => Promise<number>;
}
