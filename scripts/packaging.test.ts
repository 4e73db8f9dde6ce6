import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// Every package the repository publishes is released and pointed at a registry with the others: a package
// added to the workspaces (as @panopticon/sql was) must not be left on the public registry's default, nor
// versioned apart from the peer ranges that name it.
const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const workspaces: string[] = readJson(join(root, 'package.json')).workspaces;
const published = workspaces
  .map((dir) => ({ dir, pkg: readJson(join(root, dir, 'package.json')) as { name: string; private?: boolean } }))
  .filter(({ pkg }) => !pkg.private);

const scratch = mkdtempSync(join(tmpdir(), 'panopticon-registry-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the published packages', () => {
  it('are the workspaces that are not private (sql included)', () => {
    expect(published.map(({ pkg }) => pkg.name)).toContain('@panopticon/sql');
    expect(published.length).toBe(workspaces.length - 1); // examples/ is the one private workspace
  });

  it('are released together: the changesets `fixed` group names each of them', () => {
    const { fixed } = readJson(join(root, '.changeset/config.json')) as { fixed: string[][] };
    expect(fixed).toHaveLength(1);
    expect([...fixed[0]!].sort()).toEqual(published.map(({ pkg }) => pkg.name).sort());
  });

  it('are each pointed at a registry by scripts/set-registry.mjs, and nothing else is', () => {
    // A copy of the repository's package.json files, so the script rewrites the copies.
    mkdirSync(join(scratch, 'scripts'));
    copyFileSync(join(root, 'scripts/set-registry.mjs'), join(scratch, 'scripts/set-registry.mjs'));
    copyFileSync(join(root, 'package.json'), join(scratch, 'package.json'));
    for (const dir of workspaces) {
      mkdirSync(join(scratch, dir), { recursive: true });
      copyFileSync(join(root, dir, 'package.json'), join(scratch, dir, 'package.json'));
    }
    const url = 'https://npm.team.example/registry';
    const out = execFileSync(process.execPath, [join(scratch, 'scripts/set-registry.mjs'), url], { encoding: 'utf8' });
    for (const dir of workspaces) {
      const before = readJson(join(root, dir, 'package.json'));
      const after = readJson(join(scratch, dir, 'package.json'));
      if (before.private) {
        expect(after, dir).toEqual(before);
      } else {
        expect(after.publishConfig, dir).toEqual({ ...before.publishConfig, registry: `${url}/` });
        expect(out).toContain(`${before.name}: publishConfig.registry = ${url}/`);
      }
    }
  });

  it('refuses a registry that is not a URL (exit 2)', () => {
    let status: number | null = 0;
    try {
      execFileSync(process.execPath, [join(root, 'scripts/set-registry.mjs'), 'npm.team.example'], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number | null }).status;
    }
    expect(status).toBe(2);
  });

  it('ship source maps that point into their src/ instead of copying it (npm test builds first)', () => {
    const maps = published.flatMap(({ dir }) =>
      (readdirSync(join(root, dir, 'dist'), { recursive: true }) as string[])
        .filter((file) => file.endsWith('.map'))
        .map((file) => join(dir, 'dist', file)),
    );
    expect(maps.length).toBeGreaterThan(20);
    const withSources = maps.filter((file) => (readJson(join(root, file)).sourcesContent ?? []).some((text: string | null) => text));
    expect(withSources).toEqual([]);
  });
});
