#!/usr/bin/env node
// Points every published package at a registry: `node scripts/set-registry.mjs https://npm.example.internal/`
// rewrites `publishConfig.registry` in the package.json of each workspace that is not private (the only place
// the registry is written), so that `npm run release` publishes there and nowhere else. Add the scope to your
// .npmrc as well (`@panopticon:registry=<url>`), so that installs ask that registry, never the public one, for
// @panopticon/*.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const url = process.argv[2];
if (!url || !/^https?:\/\/[^/\s]+/.test(url)) {
  console.error('usage: node scripts/set-registry.mjs <registry URL>, e.g. https://npm.example.internal/');
  process.exit(2);
}
const registry = url.endsWith('/') ? url : `${url}/`;
const root = new URL('../', import.meta.url);
// The workspaces as the root package.json lists them: a package added there is pointed at the registry too.
const { workspaces } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
for (const dir of workspaces) {
  const file = fileURLToPath(new URL(`${dir}/package.json`, root));
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  if (pkg.private) continue;
  pkg.publishConfig = { ...pkg.publishConfig, registry };
  // Written beside and renamed over, so a failure never leaves half a package.json.
  writeFileSync(`${file}.tmp`, `${JSON.stringify(pkg, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  console.log(`${pkg.name}: publishConfig.registry = ${registry}`);
}
