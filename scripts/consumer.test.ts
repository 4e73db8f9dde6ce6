import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from './browser-bundle.mjs';

// The four packages as another tool gets them: packed (`npm pack`, after `npm test`'s build), installed
// from the tarballs into a project outside the repository (no workspace link; their own dependencies come
// from npm's cache, else the registry), type-checked with skipLibCheck off under nodenext and bundler, run
// as ESM and as CommonJS, bundled for a browser, imported from Deno through the project's package.json, and
// linted with publint and arethetypeswrong.
const run = promisify(execFile);
const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));
const here = join(root, 'scripts/consumer');
const PACKAGES = ['core', 'charts', 'zoho-adapter', 'sql', 'cli'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** A file of a package installed in the repository (some packages export no package.json to resolve). */
const bin = (pkg: string, path: string) => join(root, 'node_modules', pkg, path);

let project: string;
const tarballs: Record<string, string> = {};

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'panopticon-consumer-'));
  const packs = join(project, 'tarballs');
  mkdirSync(packs);
  await run(
    npm,
    ['pack', '--silent', '--ignore-scripts', '--pack-destination', packs, ...PACKAGES.flatMap((p) => ['-w', `@panopticon/${p}`])],
    {
      cwd: root,
    },
  );
  for (const file of readdirSync(packs)) tarballs[/^panopticon-(.+)-\d+\.\d+\.\d+.*\.tgz$/.exec(file)![1]!] = join(packs, file);
  const local = Object.fromEntries(PACKAGES.map((p) => [`@panopticon/${p}`, `file:${tarballs[p]}`]));
  const typesNode = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies['@types/node']!;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      dependencies: { ...local, jsdom: '^29.1.1' },
      // @types/d3: Plot's declarations (reached through charts' types) import d3's, which Plot does not install.
      devDependencies: { '@types/node': typesNode, '@types/d3': '^7.4.3' },
      // Every @panopticon/* edge (cli → charts, …) to its tarball: nothing of the scope is asked of a registry.
      overrides: local,
    }),
  );
  await run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], {
    cwd: project,
    maxBuffer: 16 << 20,
  });
  for (const name of ['program.ts', 'browser.ts']) copyFileSync(join(here, name), join(project, name));
  copyFileSync(join(here, 'program.ts'), join(project, 'program.mts'));
  copyFileSync(join(here, 'program.ts'), join(project, 'program.cts'));
  const jsdom = `{ JSDOM: new (html: string) => { window: { document: Document } } }`;
  writeFileSync(
    join(project, 'main.mts'),
    `import { createRequire } from 'node:module';\nimport { run } from './program.mjs';\n` +
      `const { JSDOM } = createRequire(import.meta.url)('jsdom') as ${jsdom};\n` +
      `console.log(JSON.stringify(await run(new JSDOM('').window.document)));\n`,
  );
  writeFileSync(
    join(project, 'main.cts'),
    `import { run } from './program.cjs';\nconst { JSDOM } = require('jsdom') as ${jsdom};\n` +
      `run(new JSDOM('').window.document).then((result) => console.log(JSON.stringify(result)));\n`,
  );
  const strict = { strict: true, skipLibCheck: false, lib: ['ES2022', 'DOM'], types: ['node'] };
  const files = ['main.mts', 'main.cts', 'program.mts', 'program.cts'];
  writeFileSync(
    join(project, 'tsconfig.nodenext.json'),
    JSON.stringify({
      compilerOptions: { ...strict, module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2022', outDir: 'out' },
      files,
    }),
  );
  writeFileSync(
    join(project, 'tsconfig.bundler.json'),
    JSON.stringify({
      compilerOptions: { ...strict, module: 'preserve', moduleResolution: 'bundler', target: 'ES2022', noEmit: true },
      files: [...files, 'browser.ts'],
    }),
  );
}, 600_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

const tsc = (config: string) =>
  run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', config, '--pretty', 'false'], { cwd: project }).then(
    () => '',
    (error: { stdout?: string }) => error.stdout ?? String(error),
  );

describe('the packed packages in a project of their own', () => {
  it('pack with no test file, and print their tarball sizes', () => {
    expect(Object.keys(tarballs).sort()).toEqual([...PACKAGES].sort());
    for (const p of PACKAGES) console.log(`@panopticon/${p}: ${(statSync(tarballs[p]!).size / 1024).toFixed(0)} KB tarball`);
    // Installed from the tarballs, not linked to the workspace.
    expect(statSync(join(project, 'node_modules/@panopticon/core')).isSymbolicLink()).toBe(false);
    expect(
      readdirSync(join(project, 'node_modules/@panopticon/core/src'), { recursive: true }).filter((f) => /test/.test(String(f))),
    ).toEqual([]);
  });

  it('type-check as ESM and CommonJS under nodenext, with skipLibCheck off', async () => {
    expect(await tsc('tsconfig.nodenext.json')).toBe('');
  }, 120_000);

  it('type-check under bundler resolution, with skipLibCheck off', async () => {
    expect(await tsc('tsconfig.bundler.json')).toBe('');
  }, 120_000);

  it('run as ESM and as CommonJS, with the same results', async () => {
    const esm = JSON.parse((await run(process.execPath, ['out/main.mjs'], { cwd: project })).stdout);
    const cjs = JSON.parse((await run(process.execPath, ['out/main.cjs'], { cwd: project })).stdout);
    expect(esm).toEqual({
      leads: 1,
      issues: 1,
      csvLeads: 1,
      cells: ['Monday 09:00 2/2'],
      attention: ['1 at-risk 26'],
      svg: true,
      dataCenters: true,
      cli: 'function',
    });
    expect(cjs).toEqual(esm);
  }, 120_000);

  it('bundle for a browser with esbuild (the heatmap, and an upload read by @panopticon/core/files), with no Node built-in and no externals', async () => {
    const result = await bundleForBrowser({ entryPoints: [join(project, 'browser.ts')], absWorkingDir: project });
    expect(result.errors).toEqual([]);
    expect(result.builtins).toEqual([]);
    expect(Object.values(result.metafile.outputs)[0]!.imports).toEqual([]);
    // The figures (printed, not asserted): the whole program, and what each installed package puts into it.
    const code = result.outputFiles[0]!.contents;
    const inputs = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const from = (pkg: string) =>
      inputs.filter(([path]) => path.startsWith(`node_modules/${pkg}/`)).reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
    console.log(
      `browser bundle of browser.ts (heatmap figure, parseLeads, an upload): ${kb(code.length)}, ${kb(gzipSync(code).length)} gzip; ` +
        ['@panopticon/core', 'zod', '@panopticon/charts', '@observablehq/plot'].map((p) => `${p} ${kb(from(p))}`).join(', ') +
        ' before gzip',
    );
  }, 120_000);

  it('import from Deno through the project’s package.json and node_modules', async () => {
    writeFileSync(
      join(project, 'deno.mjs'),
      `import { run } from './out/program.mjs';\nconsole.log(JSON.stringify(await run(undefined)));\n`,
    );
    const deno = bin('deno', 'bin.cjs');
    const { stdout } = await run(process.execPath, [deno, 'run', '--quiet', '--node-modules-dir=manual', '-A', 'deno.mjs'], {
      cwd: project,
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    expect(JSON.parse(stdout)).toMatchObject({ leads: 1, issues: 1, csvLeads: 1, cells: ['Monday 09:00 2/2'], svg: null });
  }, 120_000);

  it.each(PACKAGES)(
    '@panopticon/%s: publint and arethetypeswrong report nothing',
    async (p) => {
      const publint = await run(process.execPath, [bin('publint', 'src/cli.js'), 'run', tarballs[p]!, '--strict'], { cwd: project });
      expect(publint.stdout).toMatch(/All good!/);
      const attw = await run(process.execPath, [bin('@arethetypeswrong/cli', 'dist/index.js'), tarballs[p]!, '--format', 'json'], {
        cwd: project,
      }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
      // `problems` lists the problems found per kind (an empty object, or array, when there are none).
      expect(Object.values((JSON.parse(attw.stdout) as { problems: object }).problems).flat()).toEqual([]);
    },
    120_000,
  );
});
