#!/usr/bin/env node
// `npm publish --dry-run` for every package (run by `npm test`, after the build): each must pack, with its
// README, LICENSE and every file its exports name, and without tests, test helpers (fast-check arbitraries,
// the oracle) or workers nothing loads. Prints each tarball's size. The registry in `publishConfig` is not
// contacted for long: a dry run only asks it who is logged in, and is told to give up after 3 seconds.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const PACKAGES = ['core', 'charts', 'zoho-adapter', 'sql', 'cli'];
const FORBIDDEN = /(\.test\.ts|\.test-helper\.ts|\/arbitraries\.ts|\/oracle\/|worker|(^|\/)test\/)/;
// The workers something loads: the CSV heatmap's pieces (core/src/sources/csv/heatmap-pieces.ts), and in core's
// browser build the stand-in for node:worker_threads, which throws a clear error if a browser reaches it.
const LOADED_WORKER = /(^|\/)(heatmap-worker\.(js|js\.map|ts)|browser\/node_worker_threads-[A-Z0-9]+\.js(\.map)?)$/;

/** Every file path named by a package.json's `exports`, `main`, `module`, `types` and `bin`. */
function namedFiles(pkg) {
  const paths = [];
  const walk = (v) => {
    if (typeof v === 'string') paths.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  for (const k of ['main', 'module', 'types']) walk(pkg[k]);
  return [...new Set(paths.map((p) => p.replace(/^\.\//, '')))].filter((p) => p !== 'package.json');
}

let failed = 0;
for (const dir of PACKAGES) {
  const pkg = JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8'));
  let report;
  try {
    const out = execFileSync(
      'npm',
      ['publish', '--dry-run', '--json', '--ignore-scripts', '--fetch-retries=0', '--fetch-timeout=3000', '-w', pkg.name],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 },
    );
    report = JSON.parse(out)[pkg.name];
  } catch (error) {
    console.error(`${pkg.name}: npm publish --dry-run failed:\n${error.stderr ?? error.message}`);
    failed++;
    continue;
  }
  const files = report.files.map((f) => f.path);
  const problems = [
    ...['README.md', 'LICENSE', 'package.json'].filter((f) => !files.includes(f)).map((f) => `${f} is not in the tarball`),
    ...namedFiles(pkg)
      .filter((f) => !files.includes(f))
      .map((f) => `${f} (named in package.json) is not in the tarball`),
    ...files.filter((f) => FORBIDDEN.test(f) && !LOADED_WORKER.test(f)).map((f) => `${f} should not be published`),
  ];
  for (const p of problems) console.error(`${pkg.name}: ${p}`);
  failed += problems.length;
  console.log(
    `${pkg.name}@${pkg.version}: ${report.filename}, ${(report.size / 1024).toFixed(0)} KB packed, ` +
      `${(report.unpackedSize / 1024).toFixed(0)} KB unpacked, ${files.length} files${problems.length ? ' — NOT publishable' : ''}`,
  );
}
process.exit(failed ? 1 : 0);
