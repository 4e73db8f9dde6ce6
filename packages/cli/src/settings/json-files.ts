import { readFileSync } from 'node:fs';
import { CSV_COLUMNS, type CsvFileKind } from '@panopticon/core/files';
import { parsePipeline, PipelineSchema, type Pipeline } from '@panopticon/core';
import * as z from 'zod';
import { CliError, EXIT } from '../errors.js';
import { PARSE_ONCE } from './setting.js';
import { unknownKeys } from './unknown-keys.js';

/** The pipeline when none is given: the stages of a plain CRM, every unknown stage counted as open. */
export const DEFAULT_PIPELINE: Pipeline = parsePipeline({
  stages: [
    { name: 'New', category: 'open' },
    { name: 'Contacted', category: 'open' },
    { name: 'Appointment Set', category: 'open' },
    { name: 'Follow-Up', category: 'open' },
    { name: 'Green - Approved', category: 'green' },
    { name: 'Delivery Requested', category: 'delivery' },
    { name: 'Green/Delivered', category: 'won' },
    { name: 'Lost', category: 'lost' },
  ],
});

/** The text of a JSON settings file without a UTF-8 byte-order mark (Windows editors write one). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text of a file, or why it cannot be read: `missing` when there is no such file, and the error's code
 * (`ENOENT`, `EACCES`, …), else its message, for the caller's error.
 */
export function readTextFile(path: string): { text: string } | { missing: boolean; reason: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { missing: code === 'ENOENT', reason: code ?? String(error) };
  }
}

/** Reads a JSON file, or fails with a message naming the file (unreadable: exit 3; not JSON: exit 2). */
export function readJsonFile(path: string, what: string): unknown {
  const read = readTextFile(path);
  if (!('text' in read)) throw new CliError(`Cannot read ${what} ${path}: ${read.reason}.`, EXIT.unreadable);
  try {
    return JSON.parse(withoutBom(read.text));
  } catch (error) {
    throw new CliError(`${what} ${path} is not valid JSON: ${(error as Error).message}.`, EXIT.usage);
  }
}

/** Loads a pipeline file with a message naming the file and the bad (or unknown) key. */
export function loadPipelineFile(path: string): Pipeline {
  const raw = readJsonFile(path, 'pipeline file');
  const problems = unknownKeys(raw, PipelineSchema);
  const parsed = PipelineSchema.safeParse(raw, PARSE_ONCE);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  if (problems.length > 0) throw new CliError(`pipeline file ${path} is not a valid pipeline: ${problems.join('; ')}.`, EXIT.usage);
  return parsed.data!;
}

/** A column mapping: per input ("leads", …), the file's column for each field. */
export type ColumnMapping = Record<string, Record<string, string>>;

/** columns.json: per file kind, the header of each column Panopticon reads (each a non-empty text). */
export const ColumnMappingSchema = z.strictObject(
  Object.fromEntries(
    (Object.keys(CSV_COLUMNS) as CsvFileKind[]).map((kind) => [
      kind,
      z
        .strictObject(
          Object.fromEntries(
            CSV_COLUMNS[kind].map((column) => [
              column,
              z
                .string({ error: 'expected the header as text, e.g. "Created Time"' })
                .min(1, { error: 'expected a header, got ""' })
                .optional(),
            ]),
          ),
        )
        .optional(),
    ]),
  ),
);

/** Reads columns.json: unknown files or columns (with a suggestion) and non-text headers are errors naming the key. */
export function loadColumnMapping(path: string): ColumnMapping {
  const raw = readJsonFile(path, 'column mapping');
  const problems = unknownKeys(raw, ColumnMappingSchema);
  const parsed = ColumnMappingSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.filter((i) => i.code !== 'unrecognized_keys').map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  if (problems.length > 0) {
    throw new CliError(`column mapping ${path} is not valid:\n${problems.map((p) => `  ${path}: ${p}`).join('\n')}`, EXIT.usage);
  }
  return parsed.data as ColumnMapping;
}
