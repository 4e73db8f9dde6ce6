/**
 * How a setting is declared: once, with the type and limits of its value, its default, and the flag and the
 * `panopticon.config.json` key that feed it. The config file's schema (config.ts) and the settings schema
 * ({@link settingsSchemaOf}) are both built from these declarations; flags override the config file, which
 * overrides the default ({@link mergeLayers}).
 *
 * @module
 */
import { isAbsolute, resolve } from 'node:path';
import * as z from 'zod';
import type { ParsedValues } from '../args.js';
import { CliError } from '../errors.js';

/** What a flag's reader needs besides the flag's text: where a relative path starts. */
export interface FlagContext {
  cwd: string;
}

/** A declared setting whose value has type `T`. */
export interface Setting<T> {
  /** The value's type and limits. The config file is checked against it, with the file's messages. */
  schema: z.ZodType<T>;
  /** The key of panopticon.config.json that sets it ("files.leads" when nested); none when only a flag can. */
  configKey?: string;
  /** What the config file holds when it is not the value itself (a path, relative to the file). */
  configSchema?: z.ZodType;
  /** The flag that sets it (its name without "--"), and how the flag's text becomes the value. */
  flag?: { name: string; read: FlagReader<T> };
  /** The value when neither a flag nor the config file sets it. */
  default?: T;
}

/**
 * A flag's parsed value (text, or true for a boolean flag) as the setting's value. Throws a usage error
 * (exit 2) naming the flag and the value; `undefined` counts as not set.
 */
export type FlagReader<T> = (raw: string | boolean, context: FlagContext) => T | undefined;

/** Declares a setting (the overloads keep whether it has a default in its type). */
export function setting<Z extends z.ZodType>(
  declaration: Setting<z.output<Z>> & { schema: Z; default: NoInfer<z.output<Z>> },
): Setting<z.output<Z>> & { default: z.output<Z> };
export function setting<Z extends z.ZodType>(declaration: Setting<z.output<Z>> & { schema: Z }): Setting<z.output<Z>>;
export function setting<T>(declaration: Setting<T>): Setting<T> {
  return declaration;
}

export type SettingTable = Record<string, Setting<any>>;

/** The resolved values of a table: a setting with a default always has a value. */
export type SettingsOf<S extends SettingTable> = {
  [K in keyof S]: S[K] extends { default: infer T } ? T : S[K] extends Setting<infer T> ? T | undefined : never;
};

/**
 * The zod schema of a table's resolved values: each value checked by its setting's schema, defaults filled in.
 * `names` narrows it to some settings (all by default).
 */
export function settingsSchemaOf<S extends SettingTable>(
  table: S,
  names: readonly string[] = Object.keys(table),
): z.ZodType<SettingsOf<S>> {
  const shape: Record<string, z.ZodType> = {};
  for (const name of names) {
    const s = table[name]!;
    shape[name] = s.default === undefined ? s.schema.optional() : s.schema.default(s.default);
  }
  return z.object(shape) as unknown as z.ZodType<SettingsOf<S>>;
}

/**
 * How the CLI's one-off checks run zod (the merged settings, a config file, a pipeline file: each parsed once a
 * run): without zod's compiled fast path, whose code is generated per object schema on its first parse and costs
 * more than the one parse it speeds up (~2 ms at start-up, measured). The same checks and messages.
 */
export const PARSE_ONCE = { jitless: true } as const;

/** The settings of a table given on the command line, read in the table's order (the first bad flag stops). */
export function readFlags<S extends SettingTable>(table: S, values: ParsedValues, context: FlagContext): Partial<SettingsOf<S>> {
  const read: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(table)) {
    const raw = s.flag ? values[s.flag.name] : undefined;
    if (raw === undefined || Array.isArray(raw)) continue;
    const value = s.flag!.read(raw, context);
    if (value !== undefined) read[name] = value;
  }
  return read as Partial<SettingsOf<S>>;
}

/** The settings a validated config object sets, found under each setting's config key. */
export function readConfig<S extends SettingTable>(table: S, config: object | undefined): Partial<SettingsOf<S>> {
  const read: Record<string, unknown> = {};
  if (config === undefined) return read as Partial<SettingsOf<S>>;
  for (const [name, s] of Object.entries(table)) {
    if (s.configKey === undefined) continue;
    let value: unknown = config;
    for (const key of s.configKey.split('.'))
      value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    if (value !== undefined) read[name] = value;
  }
  return read as Partial<SettingsOf<S>>;
}

/**
 * The settings of a table from its layers, the first that sets a value winning (flags, then the config
 * file, then any other source of defaults), and the declared defaults for the rest.
 */
export function mergeLayers<S extends SettingTable>(table: S, ...layers: Partial<SettingsOf<S>>[]): SettingsOf<S> {
  const merged: Record<string, unknown> = {};
  for (const name of Object.keys(table)) {
    for (const layer of layers) {
      const value = (layer as Record<string, unknown>)[name];
      if (value !== undefined) {
        merged[name] = value;
        break;
      }
    }
  }
  // Every value was checked when it was read (with its flag's or the config file's message): a failure here
  // is a declaration that contradicts itself, not a user error.
  // The table's schema but for the settings left unset without a default: the whole table's would leave them
  // out all the same, and it would build the schemas of sections the run never reads (`zoho`, `digest`, `sql`:
  // built on first use, see settings/definitions.ts), a cost at every start-up.
  const names = Object.keys(table).filter((name) => merged[name] !== undefined || table[name]!.default !== undefined);
  return settingsSchemaOf(table, names).parse(merged, PARSE_ONCE);
}

// Flag readers. Their messages are the command line's: "--<flag> must be …, got "<text>"." (exit 2).

/** The flag's text as it is. */
export const text: FlagReader<string> = (raw) => String(raw);

/** The flag's text, an empty one counting as not given. */
export const nonEmptyText: FlagReader<string> = (raw) => (raw === '' ? undefined : String(raw));

/** A boolean flag. */
export const flagged: FlagReader<boolean> = (raw) => raw === true;

/** A file named on the command line: absolute (relative to the working directory), and as typed. */
export const fileFlag: FlagReader<{ path: string; label: string }> = (raw, { cwd }) => ({
  path: absolute(String(raw), cwd),
  label: String(raw),
});

/** One of the values of an enum schema: "--format must be table, json or csv, got "yaml"." */
export function oneOf<E extends z.ZodEnum>(flag: string, schema: E): FlagReader<z.output<E>> {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data as z.output<E>;
    const options = schema.options as string[];
    const list = `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
    throw new CliError(`--${flag} must be ${list}, got "${String(raw)}".`, 2);
  };
}

/**
 * A whole number written in decimal digits (no sign, exponent, hex or spaces: `0x1E` and `1e8` are refused),
 * within the setting's range: "--compare-weeks must be a whole number from 1 to 260, got "1e8"."; a number
 * the schema rejects for another reason gets `otherwise`'s message.
 */
export function wholeNumber(
  flag: string,
  schema: z.ZodType<number>,
  range: { min: number; max: number },
  otherwise?: (n: number) => string,
): FlagReader<number> {
  return (raw) => {
    const text = String(raw);
    const n = /^[0-9]{1,15}$/.test(text) ? Number(text) : Number.NaN;
    if (!(n >= range.min && n <= range.max)) {
      throw new CliError(`--${flag} must be a whole number from ${range.min} to ${range.max}, got "${text}".`, 2);
    }
    if (!schema.safeParse(n).success) throw new CliError(otherwise ? otherwise(n) : `--${flag} cannot be ${n}.`, 2);
    return n;
  };
}

/** A path as given, or resolved against `cwd` when relative. */
export function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}
