/**
 * `--sql`: leads and histories read from PostgreSQL by the queries of the config file's `sql` section, the
 * connection string only from `PANOPTICON_DATABASE_URL` (never from the config file, which teams commit).
 * The section's schema, the flags `--sql` cannot be combined with, and the lead source it resolves to.
 *
 * @module
 */
import * as z from 'zod';
import { CliError, EXIT } from '../errors.js';

const QUERY_KEYS = ['leads', 'stageHistory', 'ownerHistory'] as const;

// Keys that would hold a connection or its credentials: refused by name, with where the connection string goes instead.
const CONNECTION_KEY = /url|uri|dsn|connection|password|passwd|host|port|user|database/i;
const CONNECTION_STRING = /^\s*postgres(ql)?:\/\//i;
const NOT_HERE =
  'a connection string or credential is never read from the config file (its value is not shown): remove it and set PANOPTICON_DATABASE_URL in the environment instead; got a key or value that looks like one';

const query = (key: string) =>
  z
    .string({ error: `expected the SQL query of ${key} (select … as lead_id, …)` })
    .refine((text) => text.trim().length > 0, { error: `expected the SQL query of ${key}, got an empty string` });

/**
 * The config file's `sql` section: the queries, each returning the canonical columns. Built on first use: every
 * data command declares the section (settings/definitions.ts), few read it.
 */
export const SqlQueriesSchema = z.lazy(() =>
  z
    .object(
      { leads: query('sql.leads'), stageHistory: query('sql.stageHistory').optional(), ownerHistory: query('sql.ownerHistory').optional() },
      { error: 'expected { "leads": "select …", "stageHistory": "select …", "ownerHistory": "select …" }' },
    )
    .catchall(z.unknown())
    .superRefine((section, ctx) => {
      for (const [key, value] of Object.entries(section)) {
        const known = (QUERY_KEYS as readonly string[]).includes(key);
        if ((typeof value === 'string' && CONNECTION_STRING.test(value)) || (!known && CONNECTION_KEY.test(key))) {
          ctx.addIssue({ code: 'custom', path: [key], message: NOT_HERE });
        } else if (!known) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `unknown key; allowed keys: ${QUERY_KEYS.join(', ')} (got a value, not shown)`,
          });
        }
      }
    })
    .transform((section) => ({
      leads: section.leads,
      ...(section.stageHistory !== undefined ? { stageHistory: section.stageHistory } : {}),
      ...(section.ownerHistory !== undefined ? { ownerHistory: section.ownerHistory } : {}),
    })),
);

export type SqlQueries = z.output<typeof SqlQueriesSchema>;

/** The flags `--sql` excludes: other places the leads come from, and the CSV files' format. Usage errors (exit 2). */
export function refuseSqlConflicts(flags: {
  sql?: boolean;
  zoho?: boolean;
  leads?: unknown;
  history?: unknown;
  owners?: unknown;
  delimiter?: unknown;
  encoding?: unknown;
}): void {
  if (!flags.sql) return;
  if (flags.zoho) throw new CliError('--sql and --zoho both name where the leads come from: give one.', EXIT.usage);
  for (const name of ['leads', 'history', 'owners', 'delimiter', 'encoding'] as const) {
    if (flags[name] === undefined) continue;
    const why =
      name === 'delimiter' || name === 'encoding'
        ? 'is about CSV files, and --sql reads no file'
        : 'names a file, and --sql reads the leads from PostgreSQL';
    throw new CliError(`--${name} and --sql cannot be combined: --${name} ${why}; give one.`, EXIT.usage);
  }
}

/** The queries of `--sql`, or a usage error when the config file has no `sql` section. */
export function sqlQueriesFor(queries: SqlQueries | undefined, configPath: string | undefined): SqlQueries {
  if (queries !== undefined) return queries;
  throw new CliError(
    `--sql reads the queries of the "sql" section of ${configPath ?? 'panopticon.config.json'}, which has none: add ` +
      '"sql": { "leads": "select id as lead_id, created_at as received_time, … from crm.leads" } (docs/data-formats.md, PostgreSQL).',
    EXIT.usage,
  );
}
