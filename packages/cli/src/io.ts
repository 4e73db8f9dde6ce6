/**
 * Where a command writes: results to `out`, warnings and progress to `err`. Injected so tests can capture.
 *
 * @example
 * ```ts
 * const out: string[] = [];
 * const err: string[] = [];
 * const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, now: () => new Date('2026-03-31T18:00:00Z'), cwd: process.cwd() };
 * const code = await main(['attention', '--format', 'csv'], io); // the CSV in out, data warnings in err
 * ```
 */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Environment variables (for Zoho credentials); never printed. */
  env: Record<string, string | undefined>;
  /** The current instant, read once per command (the CLI's default `--as-of`). */
  now: () => Date;
  cwd: string;
}

export function processIo(): Io {
  // `panopticon attention | head`: the reader has gone, so stop quietly rather than print an EPIPE trace.
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount('error') === 0) {
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EPIPE') process.exit(0);
        throw error;
      });
    }
  }
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
  };
}
