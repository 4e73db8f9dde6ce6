/** Where a command writes: results to `out`, warnings and progress to `err`. Injected so tests can capture. */
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
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    env: process.env,
    now: () => new Date(),
    cwd: process.cwd(),
  };
}
