/**
 * The one way the CLI writes a file (the dashboard page, a config file): never over an input, never half
 * written, never two writers at once. The content goes to a temporary file in the same folder, which is
 * renamed over the output (a crash leaves the old file whole); a lock file next to the output makes a
 * second writer wait for the first, or fail naming the lock.
 *
 * @module
 */
import { closeSync, openSync, readFileSync, realpathSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT } from './errors.js';

/** Options of {@link writeOutput}. */
export interface WriteOutputOptions {
  /** What the file is, for messages ("the dashboard"). */
  what: string;
  /** Every file the command reads: the output may be none of them. */
  inputs?: readonly string[];
  /** How long a second writer waits for the lock before failing. Default 30 s. */
  waitMs?: number;
}

/** How often a waiting writer looks at the lock again. */
const POLL_MS = 100;

/**
 * Writes `content` (text or bytes, or its parts in order) to `path` atomically. Refuses (exit 2) an output that is
 * one of the inputs; waits for another writer of the same output, and fails (exit 1) naming its lock file
 * when it does not finish in time.
 */
export async function writeOutput(
  path: string,
  content: string | Uint8Array | Iterable<string | Uint8Array>,
  options: WriteOutputOptions,
): Promise<void> {
  const out = resolve(path);
  refuseInput(out, options);
  const lock = `${out}.lock`;
  await acquire(lock, out, options);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    let fd: number;
    try {
      fd = openSync(temp, 'w');
    } catch (error) {
      throw cannotWrite(out, error, options.what);
    }
    try {
      for (const part of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) {
        if (typeof part === 'string') writeSync(fd, part);
        else writeSync(fd, part);
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temp, out);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw error instanceof CliError ? error : cannotWrite(out, error, options.what);
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      // removed by hand meanwhile: nothing to release
    }
  }
}

/** The output must not be an input: compared after resolving, and after following links when both exist. */
function refuseInput(out: string, { inputs = [], what }: WriteOutputOptions): void {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const target = real(out);
  for (const input of inputs) {
    if (resolve(input) === out || real(input) === target) {
      throw new CliError(
        `Refusing to write ${what} to ${out}: it is an input of this command (it would be overwritten). Choose another --out.`,
        EXIT.usage,
      );
    }
  }
}

/** Takes the lock file (created exclusively, holding our pid); waits while another live process holds it. */
async function acquire(lock: string, out: string, { what, waitMs = 30_000 }: WriteOutputOptions): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The output's folder is missing or read-only: say so about the output itself.
      if (code !== 'EEXIST') throw cannotWrite(out, error, what);
    }
    if (!holderAlive(lock)) {
      // Left by a process that died: take it over.
      try {
        unlinkSync(lock);
      } catch {
        // another writer took it over first
      }
      continue;
    }
    if (Date.now() >= deadline) {
      throw new CliError(
        `Another panopticon is writing ${what} (lock file ${lock}); waited ${Math.round(waitMs / 1000)} s. ` +
          'Try again when it has finished, or delete the lock file if no other panopticon is running.',
        EXIT.findings,
      );
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/** Whether the process named in a lock file still runs (an unreadable or empty lock counts as alive: it is being written). */
function holderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(lock, 'utf8'));
  } catch {
    return true;
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cannotWrite(path: string, error: unknown, what: string): CliError {
  const code = (error as NodeJS.ErrnoException).code ?? String(error);
  const hint = code === 'ENOENT' ? ` (does the folder ${dirname(path)} exist?)` : '';
  return new CliError(`Cannot write ${what} to ${path}: ${code}${hint}.`, EXIT.unreadable);
}
