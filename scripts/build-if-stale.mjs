#!/usr/bin/env node
// Builds the four packages only when a source is newer than the build (`npm run dashboard` runs it first),
// quietly: the build's own output (tsup's tables, esbuild's notes) is printed only when the build fails.
// "Newer" compares modification times: every file under each package's src/, its package.json,
// tsup.config.ts and tsconfig.json, the shared tsconfig and tsup options (scripts/tsup-library.mjs), and the
// sample data the CLI ships, against the oldest of the built entry files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['core', 'charts', 'zoho-adapter', 'cli'];
const OUTPUTS = [
  ...PACKAGES.flatMap((p) => [`packages/${p}/dist/index.js`, `packages/${p}/dist/index.cjs`, `packages/${p}/dist/index.d.ts`]),
  'packages/cli/dist/app/cli.js',
];

/** The newest modification time of a file or of every file under a folder (0 when absent). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), stat.mtimeMs);
}

function stale() {
  const outputs = OUTPUTS.map((f) => join(root, f));
  if (!outputs.every((f) => existsSync(f))) return 'no build yet';
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  const inputs = [
    ...PACKAGES.flatMap((p) => ['src', 'package.json', 'tsup.config.ts', 'tsconfig.json'].map((f) => `packages/${p}/${f}`)),
    'tsconfig.base.json',
    'scripts/tsup-library.mjs',
    'examples/data',
  ];
  const changed = inputs.find((f) => newest(join(root, f)) > built);
  return changed === undefined ? null : `${changed} changed`;
}

const reason = stale();
if (reason !== null) {
  console.error(`Building the packages (${reason})…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
    console.error('The build failed (its output is above).');
    process.exit(result.status ?? 1);
  }
}
