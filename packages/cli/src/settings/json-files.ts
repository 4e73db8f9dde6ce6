import { readFileSync } from 'node:fs';
import { parsePipeline, type Pipeline } from '@panopticon/core';
import { CliError } from '../errors.js';

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

/** Reads a JSON file, or fails with a message naming the file. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} ${path} is not valid JSON: ${(error as Error).message}.`);
  }
}

/** Loads a pipeline file with a message naming the file and the bad key. */
export function loadPipelineFile(path: string): Pipeline {
  const raw = readJsonFile(path, 'pipeline file');
  try {
    return parsePipeline(raw);
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    const detail = issues ? issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') : String(error);
    throw new CliError(`pipeline file ${path} is not a valid pipeline: ${detail}.`);
  }
}
