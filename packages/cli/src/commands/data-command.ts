import { HELP_OPTION, TABLE_FORMAT_OPTION, helpText, type OptionSpecs } from '../args.js';
import type { Io } from '../io.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import { assertTabularTarget } from '../table-output.js';
import type { Command } from './command.js';

/** `--team`: the dashboard's Team control, for the commands of its panels that it narrows. */
export const TEAM_OPTION: OptionSpecs = {
  team: { type: 'string', arg: 'TEAM', help: "only leads of this team (the dashboard's Team control)" },
};

/** What a tabular data command states about itself: its help (usage line, summary, JSON shape) and its own options. */
export interface DataCommandSpec {
  name: string;
  /** Its options but `--format`, `--out` and `--help`, which every such command takes. */
  options: OptionSpecs;
  usage: string;
  summary: string;
  json: string;
}

/**
 * A data command that prints a table (table, JSON and the tabular formats of table-output.ts): its help from
 * the spec, its settings resolved as every data command's, and `--out` / binary formats checked before any
 * file is read.
 */
export function dataCommand(spec: DataCommandSpec, answer: (settings: Settings, io: Io) => Promise<number>): Command<Settings> {
  const options = { ...spec.options, ...TABLE_FORMAT_OPTION, ...HELP_OPTION };
  return {
    options,
    help: helpText(spec.usage, spec.summary, options, spec.json),
    settings: resolveSettings,
    run: (settings, io) => {
      assertTabularTarget(settings, spec.name);
      return answer(settings, io);
    },
  };
}
