/**
 * The tsup options of a package's library entries (packages/{core,charts,zoho-adapter}/tsup.config.ts): ESM and
 * CommonJS with types, for Node 20, and source maps that point into src/, which each package ships, instead of
 * carrying a copy of every source. `more` adds to them or overrides them.
 */
export function libraryBuild(entry, more = {}) {
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'node20',
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    ...more,
  };
}
