/**
 * Unknown keys in a JSON settings file (pipeline.json, columns.json, an inline pipeline), found by walking
 * the value along its zod schema: a typo such as `staleAfterDay` is an error with a suggestion, never a
 * setting silently ignored.
 *
 * @module
 */
import type { z } from 'zod';
import { didYouMean } from '../suggest.js';

/** Any zod schema, classic or mini (core's schemas are zod/mini): both carry the same definition. */
type AnySchema = z.core.$ZodType;

/**
 * One line per unknown key: `stages.2.categry: unknown key (did you mean "category"?); allowed keys: …`.
 * Only keys of object schemas are checked (a record's keys are its data).
 */
export function unknownKeys(value: unknown, schema: AnySchema, path: readonly (string | number)[] = []): string[] {
  const def = unwrap(schema)._zod.def;
  if (def.type === 'array' && Array.isArray(value)) {
    const element = (def as z.core.$ZodArrayDef).element;
    return value.flatMap((item, i) => unknownKeys(item, element, [...path, i]));
  }
  if (def.type !== 'object' || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const shape = (def as z.core.$ZodObjectDef).shape as Record<string, AnySchema>;
  const allowed = Object.keys(shape);
  const lines: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const at = [...path, key].join('.');
    if (key === '$schema') continue; // an editor's schema reference
    if (!(key in shape)) lines.push(`${at}: unknown key${didYouMean(key, allowed)}; allowed keys: ${allowed.join(', ')}`);
    else lines.push(...unknownKeys(v, shape[key]!, [...path, key]));
  }
  return lines;
}

/** The schema under optional, nullable, default and pipe wrappers (a pipe's input is what the file holds). */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default' || def.type === 'prefault') && def.innerType)
      s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}
