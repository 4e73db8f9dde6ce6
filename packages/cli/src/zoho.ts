import { ZohoError, zohoSource, type ZohoSyncProgress } from '@panopticon/zoho-adapter';
import type { LoadResult } from '@panopticon/core';
import type { ParsedValues } from './args.js';
import { DEFAULT_ZOHO_STORE, stringValue } from './args.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';

/** A progress line on stderr, rewritten in place on a terminal and one line per phase otherwise. */
export function progressPrinter(io: Io, tty: boolean): (p: ZohoSyncProgress) => void {
  let lastPhase = '';
  return (p) => {
    if (tty) io.err(`\r\x1b[2K${p.message}`);
    else if (p.phase !== lastPhase || p.phase === 'done') io.err(`${p.message}\n`);
    lastPhase = p.phase;
    if (tty && p.phase === 'done') io.err('\n');
  };
}

/** Loads leads from the Zoho snapshot (syncing first unless --offline). Zoho errors become user errors. */
export async function loadFromZoho(values: ParsedValues, io: Io, resolvePath: (p: string) => string, timeZone: string): Promise<LoadResult> {
  const store = resolvePath(stringValue(values, 'store') ?? DEFAULT_ZOHO_STORE);
  try {
    return await zohoSource({
      store,
      sync: values.offline !== true,
      env: io.env,
      timeZone,
      ownerHistory: values['owner-history'] === true,
      onProgress: progressPrinter(io, false),
    }).load();
  } catch (error) {
    throw zohoCliError(error);
  }
}

/** Zoho errors carry messages written for people (and already redacted): show them as they are. */
export function zohoCliError(error: unknown): Error {
  if (error instanceof ZohoError) return new CliError(`Zoho: ${error.message}`);
  return error as Error;
}
