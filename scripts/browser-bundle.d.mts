import type { BuildOptions, BuildResult, Plugin } from 'esbuild';

/** An esbuild plugin that records every import of a Node built-in, with or without `node:`, and who imports it. */
export function nodeBuiltinsWatch(found: string[]): Plugin;

/** Bundles for the browser (ESM, minified, in memory, with its metafile, no externals); `builtins`: the Node built-ins reached. */
export function bundleForBrowser(options: BuildOptions): Promise<BuildResult<{ write: false; metafile: true }> & { builtins: string[] }>;
