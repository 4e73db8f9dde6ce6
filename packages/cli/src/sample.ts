import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** What `examples/data/sample.json` says about the bundled sample data. */
export interface SampleManifest {
  dir: string;
  description: string;
  timeZone: string;
  /** The sample's own "now" (a date): used as the default `--as-of` when no data file is given. */
  asOf: string;
  files: { leads: string; stageHistory: string; ownerHistory: string; schedule: string; pipeline: string };
}

/**
 * The bundled sample data. The build copies `examples/data` into the package (`sample/`), so an installed
 * CLI has it; inside the monorepo the examples folder itself is the fallback. This module runs from
 * `src/` (tests), `dist/` (the library build) or `dist/app/` (the command's bundle), hence two depths.
 */
export function sampleManifest(): SampleManifest {
  const candidates = [
    fileURLToPath(new URL('../sample/', import.meta.url)),
    fileURLToPath(new URL('../../sample/', import.meta.url)),
    fileURLToPath(new URL('../../../examples/data/', import.meta.url)),
  ];
  for (const dir of candidates) {
    const manifest = join(dir, 'sample.json');
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as Omit<SampleManifest, 'dir'>;
      return { ...parsed, dir };
    }
  }
  throw new Error(`The bundled sample data is missing (looked in ${candidates.join(' and ')}). Reinstall, or pass --leads.`);
}
