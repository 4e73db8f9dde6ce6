/**
 * Unknown keys in a JSON settings file (pipeline.json, columns.json, an inline pipeline), found by walking
 * the value along its zod schema: a typo such as `staleAfterDay` is an error with a suggestion, never a
 * setting silently ignored.
 *
 * @module
 */
import { z } from 'zod';
import { didYouMean } from '../suggest.js';

/**
 * One line per unknown key: `stages.2.categry: unknown key (did you mean "category"?); allowed keys: …`.
 * Only keys of object schemas are checked (a record's keys are its data).
 */
export function unknownKeys(value: unknown, schema: z.ZodType, path: readonly (string | number)[] = []): string[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownKeys(item, s.element as z.ZodType, [...path, i]));
  }
  if (!(s instanceof z.ZodObject) || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const shape = s.shape as Record<string, z.ZodType>;
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

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
    else if (s instanceof z.ZodPipe) s = s.in as z.ZodType;
    else return s;
  }
}
