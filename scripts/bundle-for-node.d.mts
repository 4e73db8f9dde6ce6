/** Bundles `entry` into the ES module `outfile` for Node (see bundle-for-node.mjs); `more` adds esbuild options. */
export function bundleForNode(entry: string, outfile: string, more?: Record<string, unknown>): Promise<void>;
