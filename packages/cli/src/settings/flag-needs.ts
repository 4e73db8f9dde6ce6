/**
 * Flags that mean nothing without another flag of the same command: usage errors (exit 2) naming the flag
 * needed, checked before any file is read, never silently ignored. Declared per command, since a flag can
 * stand alone in one command and need another in the next (`report --compare-weeks` sets the page's
 * comparison, `heatmap --compare-weeks` only the periods of `--compare`).
 *
 * @module
 */
import type { ParsedValues } from '../args.js';
import type { Io } from '../io.js';
import { CliError, EXIT } from '../errors.js';
import { resolveSettings, type Settings } from './resolve.js';

/** A flag (its name without "--") that means something only beside the switch `needs`, and why. */
export interface FlagNeed {
  flag: string;
  needs: string;
  /** What the flag is to the switch, e.g. "--since is the earlier list of --resolved". */
  why: string;
}

/** Each command's flags that need another (commands not listed have none). */
export const FLAG_NEEDS = {
  heatmap: [
    { flag: 'period-a', needs: 'compare', why: '--period-a and --period-b are the periods of --compare' },
    { flag: 'period-b', needs: 'compare', why: '--period-a and --period-b are the periods of --compare' },
    { flag: 'compare-weeks', needs: 'compare', why: "--compare-weeks is the length of --compare's default periods" },
  ],
  attention: [{ flag: 'since', needs: 'resolved', why: '--since is the earlier list of --resolved' }],
} as const satisfies Record<string, readonly FlagNeed[]>;

/** Throws a usage error for the first flag given without the switch it needs. */
export function refuseFlagsWithout(command: string, values: ParsedValues, needs: readonly FlagNeed[]): void {
  for (const need of needs) {
    if (values[need.flag] !== undefined && values[need.needs] !== true)
      throw new CliError(`panopticon ${command}: ${need.why}; add --${need.needs}.`, EXIT.usage);
  }
}

/** A command's settings: its flags' needs checked first, then the data settings resolved ({@link resolveSettings}). */
export function settingsOf(command: keyof typeof FLAG_NEEDS): (values: ParsedValues, io: Io) => Settings {
  return (values, io) => {
    refuseFlagsWithout(command, values, FLAG_NEEDS[command]);
    return resolveSettings(values, io);
  };
}
