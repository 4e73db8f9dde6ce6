import * as esbuild from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type GetModuleInfo, rollup } from 'rollup';
import { defineConfig } from 'tsup';
import { compileReportAssets } from './src/report/compile-assets';

// The dashboard's browser script (src/report/client/, bundled for the browser) and style sheet
// (src/report/styles.css), compiled once here. In every bundle, src/report/assets.ts (which compiles them
// on first use when run from the sources) is replaced by a module returning them as a constant: the built
// command carries them, and neither reads a file nor needs esbuild when it writes a page.
const reportAssets = compileReportAssets(esbuild, fileURLToPath(new URL('./src/report/', import.meta.url)));
const inlineReportAssets: esbuild.Plugin = {
  name: 'inline-report-assets',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]report[\\/]assets\.ts$/ }, () => ({
      loader: 'js',
      contents: `const ASSETS = ${JSON.stringify(reportAssets)};\nexport function reportAssets() {\n  return ASSETS;\n}\n`,
    }));
  },
};

/** The commands whose start-up counts most (issue 17: attention and kpis on 100,000 leads; the heatmap's bench). */
const DATA_COMMANDS = /^(attention|kpis|heatmap)-/;

/**
 * The command's chunks (dist/app) regrouped by Rollup, in place. esbuild makes a chunk of every set of lazily
 * loaded modules that share code, so `attention` loaded 26 files, and each file costs its resolution and load.
 * Rollup knows that a command is loaded only after cli.js, whose modules it need not split off again (14
 * files), and everything the data commands load (but cli.js and the commands themselves) is put in one chunk:
 * `attention` loads 4 files (~20 ms less at start-up, measured; `kpis` also loads `attention`'s few modules),
 * `panopticon --help` 2, `sync` 8 instead of 23.
 * The code itself is esbuild's, untouched: no tree shaking, every module once, evaluated in dependency order;
 * the maps still point into the sources.
 */
async function rechunk(dir: string): Promise<void> {
  const entry = join(dir, 'cli.js');
  const chunks: string[] = [];
  let groups: { cli: Set<string>; data: Set<string> } | undefined;
  const bundle = await rollup({
    input: { cli: entry },
    // Packages (and node: builtins) stay imports, as esbuild left them.
    external: (id) => !id.startsWith('.') && !isAbsolute(id),
    treeshake: false,
    // cli.js may carry more exports than main and MAIN_HELP: no facade file in front of its code.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      {
        name: 'esbuild-chunks',
        // Each chunk with its map, so that the new maps lead back to the sources.
        load(id) {
          chunks.push(id);
          return {
            code: readFileSync(id, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'),
            map: readFileSync(`${id}.map`, 'utf8'),
          };
        },
      },
    ],
    onwarn(warning, warn) {
      // esbuild's chunks import each other in cycles it has already ordered.
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  // Out with esbuild's chunks (not the worker's bundle, which no chunk imports), in with Rollup's.
  for (const file of chunks) {
    rmSync(file, { force: true });
    rmSync(`${file}.map`, { force: true });
  }
  await bundle.write({
    dir,
    format: 'esm',
    compact: true,
    sourcemap: true,
    sourcemapExcludeSources: true,
    entryFileNames: '[name].js',
    // A command keeps its name (with esbuild's hash); shared code is chunk-<hash>.js, as before.
    chunkFileNames: (chunk) => (chunk.isDynamicEntry ? '[name].js' : 'chunk-[hash].js'),
    manualChunks(id, { getModuleInfo }) {
      // cli.js's own modules named too: Rollup would otherwise move those the data commands import into
      // their chunk, and `panopticon --help` would load it.
      groups ??= manualGroups(entry, getModuleInfo);
      return groups.cli.has(id) ? 'cli' : groups.data.has(id) ? 'data' : undefined;
    },
  });
  await bundle.close();
}

/**
 * cli.js's modules (those it imports statically), and the modules the data commands import statically but
 * cli.js's and the commands' entry modules.
 */
function manualGroups(entry: string, info: GetModuleInfo): { cli: Set<string>; data: Set<string> } {
  const imports = (id: string, into = new Set<string>()): Set<string> => {
    if (into.has(id) || info(id)?.isExternal !== false) return into;
    into.add(id);
    for (const imported of info(id)!.importedIds) imports(imported, into);
    return into;
  };
  const cli = imports(entry);
  const commands = info(entry)!.dynamicallyImportedIds.filter((id) => DATA_COMMANDS.test(basename(id)));
  if (commands.length !== 3) throw new Error(`rechunk: expected the attention, kpis and heatmap chunks, found ${commands.length}`);
  const data = new Set(commands.flatMap((command) => [...imports(command)]));
  for (const id of [...cli, ...commands]) data.delete(id);
  return { cli, data };
}

const APP_DIR = 'dist/app';

export default defineConfig([
  // The library entries (`@panopticon/cli`'s main, and cli.js for wrappers): a normal package build,
  // every dependency external.
  {
    entry: ['src/index.ts', 'src/cli.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    // `import.meta.url` (where the bundled sample data is) in the CommonJS build too.
    shims: true,
    esbuildPlugins: [inlineReportAssets],
    // The maps point into src/, which the package ships: no copy of every source inside them.
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
  },
  // The `panopticon` command (bin/panopticon.js loads dist/app/cli.js): one ESM bundle with the workspace
  // packages and zod inlined. Start-up is a real share of a command's time (a heatmap of a million rows
  // takes a third of a second), and resolving and compiling zod's hundred-odd modules alone cost ~50 ms;
  // one bundle of what is used costs about half. Commands stay lazily loaded chunks. Plot and jsdom stay
  // external: large, and only the report loads them.
  {
    entry: { cli: 'src/cli.ts' },
    outDir: APP_DIR,
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    splitting: true,
    noExternal: [/^@panopticon\//, 'zod'],
    // Loaded only when needed: hyparquet, hyparquet-writer and apache-arrow for a Parquet or Arrow file (core/files,
    // --format); DuckDB, a native module, by `--engine duckdb` (from the lazily imported @panopticon/sql chunk); pg and pg-cursor
    // by `--sql` (from the lazily imported @panopticon/sql/postgres chunk).
    external: [
      '@observablehq/plot',
      'jsdom',
      'danfojs-node',
      'hyparquet',
      'hyparquet-writer',
      'apache-arrow',
      '@duckdb/node-api',
      'pg',
      'pg-cursor',
    ],
    esbuildPlugins: [inlineReportAssets],
    esbuildOptions(options) {
      // Bundle the workspace packages from their sources, as the tests run them.
      options.conditions = ['@panopticon/source'];
      // Less to parse at start-up; names are kept, so stack traces still read.
      options.minifyWhitespace = true;
      options.minifySyntax = true;
      // The maps point into the sources the packages ship (src/ of cli, core, charts, …): no copy inside them.
      options.sourcesContent = false;
    },
    onSuccess: () => rechunk(fileURLToPath(new URL(`./${APP_DIR}/`, import.meta.url))),
  },
  // The CSV heatmap's worker thread (found beside the command's chunks, see core's heatmap-pieces.ts): a bundle
  // of its own, not a chunk of the command's, so a worker compiles only the reader it runs (sharing the
  // command's chunks made each worker load the schemas and every command, and the pieces lose their gain).
  {
    entry: { 'heatmap-worker': '../core/src/sources/csv/heatmap-worker.ts' },
    outDir: 'dist/app',
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    splitting: false,
    noExternal: [/^@panopticon\//, 'zod'],
    esbuildOptions(options) {
      options.conditions = ['@panopticon/source'];
      options.minifyWhitespace = true;
      options.minifySyntax = true;
      // The maps point into the sources the packages ship (src/ of cli, core, charts, …): no copy inside them.
      options.sourcesContent = false;
    },
  },
]);
