import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { docsDir, readBlocks, repoRoot, runBlock, scratchDir, typecheckBlocks } from './doc-blocks.js';

// Nothing in docs/ may go stale silently: every TypeScript block of the guides type-checks against the
// packages' sources, every block that shows its output prints exactly that (getting-started.md's stale.ts
// included, run on the page's own example files), every relative link resolves, cli.md covers every
// command and option of the built CLI, and the API reference builds without a TypeDoc warning, from TSDoc
// that gives every export an @example.

const run = promisify(execFile);
const guides = readdirSync(docsDir)
  .filter((f) => f.endsWith('.md'))
  .sort();
const blocks = guides.flatMap((f) => readBlocks(join(docsDir, f)));
const withOutput = blocks.filter((b) => b.output !== undefined);
// The READMEs: the repository's and each package's (the page a registry shows), held to the same rule.
const readmes = ['README.md', ...readdirSync(join(repoRoot, 'packages')).map((p) => `packages/${p}/README.md`)].filter((f) =>
  existsSync(join(repoRoot, f)),
);
const readmeBlocks = readmes.flatMap((f) => readBlocks(join(repoRoot, f)));

describe('the guides in docs/', () => {
  it('are the guides the issue asks for', () => {
    for (const guide of ['getting-started.md', 'metrics.md', 'configuration.md', 'data-formats.md', 'cli.md']) {
      expect(guides).toContain(guide);
    }
  });

  it('every TypeScript block type-checks against the packages', async () => {
    expect(blocks.length).toBeGreaterThan(20);
    expect(await typecheckBlocks(blocks)).toEqual([]);
  }, 120_000);

  it.each(withOutput.map((b, i) => [`${b.file}:${b.line}`, b, i] as const))(
    '%s prints what the guide shows',
    async (_, block, i) => {
      expect((await runBlock(block, i)).trimEnd()).toBe(block.output!.trimEnd());
    },
    60_000,
  );

  it('metrics.md has a worked example, with its output, for every definition', () => {
    const text = readFileSync(join(docsDir, 'metrics.md'), 'utf8');
    const sections = text.split(/^### /m).slice(1);
    expect(sections.length).toBeGreaterThanOrEqual(20);
    for (const section of sections) {
      const title = section.slice(0, section.indexOf('\n'));
      if (title === 'KPIs') continue; // a summary of the figures above, each with its own example
      expect(section, `metrics.md: "${title}" needs a **Definition.**`).toMatch(/\*\*Definition\.\*\*/);
      expect(section, `metrics.md: "${title}" needs the options that change it`).toMatch(/\*\*Options that change it:\*\*/);
      expect(section, `metrics.md: "${title}" needs a worked example with its output`).toMatch(/```ts[\s\S]*```\s*```text/);
    }
  });

  it('every relative link points to a file that exists (and a heading it has)', () => {
    const problems: string[] = [];
    for (const guide of guides) {
      const path = join(docsDir, guide);
      const text = readFileSync(path, 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue; // http:, https:, mailto:
        const [file, anchor] = target!.split('#') as [string, string | undefined];
        const resolved = file === '' ? path : resolve(dirname(path), file);
        if (!existsSync(resolved)) {
          problems.push(`${guide}: ${target} (no file ${relative(repoRoot, resolved)})`);
          continue;
        }
        if (anchor && resolved.endsWith('.md') && !headingSlugs(readFileSync(resolved, 'utf8')).has(anchor)) {
          problems.push(`${guide}: ${target} (no heading #${anchor})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the READMEs', () => {
  it('each package has one, with a TypeScript example', () => {
    for (const p of readdirSync(join(repoRoot, 'packages'))) {
      expect(readmes, `packages/${p} has no README.md`).toContain(`packages/${p}/README.md`);
      expect(readmeBlocks.filter((b) => b.file === `packages/${p}/README.md`).length, `packages/${p}/README.md`).toBeGreaterThan(0);
    }
  });

  it('every TypeScript block type-checks against the packages', async () => {
    expect(await typecheckBlocks(readmeBlocks)).toEqual([]);
  }, 120_000);

  // Run in a scratch folder of their own: an example may write a file (the charts README writes heatmap.svg).
  it.each(readmeBlocks.filter((b) => b.output !== undefined).map((b, i) => [`${b.file}:${b.line}`, b, i] as const))(
    '%s prints what the README shows',
    async (_, block, i) => {
      const dir = scratchDir(`readme-cwd-${i}`);
      expect((await runBlock(block, 1000 + i, dir)).trimEnd()).toBe(block.output!.trimEnd());
    },
    60_000,
  );
});

describe('getting-started.md', () => {
  it('its stale.ts, run on its example files, prints what the page shows', async () => {
    const page = readFileSync(join(docsDir, 'getting-started.md'), 'utf8');
    const fence = (lang: string, after: string) => {
      const from = page.indexOf(after);
      expect(from, `getting-started.md: no "${after}"`).toBeGreaterThanOrEqual(0);
      const m = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(page.slice(from));
      return m![1]!;
    };
    const dir = scratchDir('getting-started');
    writeFileSync(join(dir, 'leads.csv'), fence('text', '**leads.csv**'));
    writeFileSync(join(dir, 'stage_history.csv'), fence('text', '**stage_history.csv**'));
    writeFileSync(join(dir, 'pipeline.json'), fence('json', '**pipeline.json**'));
    const code = fence('ts', 'write `stale.ts`');
    const expected = fence('text', 'With the example files above it prints');
    const out = await runBlock({ file: 'docs/getting-started.md', line: 0, code }, 0, dir);
    expect(out.trimEnd()).toBe(expected.trimEnd());
  }, 180_000);
});

describe('cli.md', () => {
  const bin = join(repoRoot, 'packages/cli/bin/panopticon.js');
  const cliBuilt = existsSync(join(repoRoot, 'packages/cli/dist'));
  const help = async (...args: string[]) => (await run(process.execPath, [bin, ...args, '--help'], { cwd: repoRoot })).stdout;

  it('covers every command and every option of the built CLI (npm run build first)', async () => {
    expect(cliBuilt, 'packages/cli/dist is missing: run npm run build').toBe(true);
    const doc = readFileSync(join(docsDir, 'cli.md'), 'utf8');
    const shared = section(doc, 'Options shared by the data commands');
    const commands = [...(await help()).split(/^Commands:$/m)[1]!.matchAll(/^ {2}(\S+)\s{2,}/gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(3);
    const missing: string[] = [];
    for (const command of commands) {
      const own = section(doc, `\`panopticon ${command}\``);
      if (own === '') {
        missing.push(`no section "## \`panopticon ${command}\`"`);
        continue;
      }
      const options = (await help(command)).split(/^Options:$/m)[1] ?? '';
      for (const [, flag] of options.matchAll(/(?:^|[\s,])(--?[a-zA-Z][\w-]*)/gm)) {
        if (!own.includes(`\`${flag}`) && !shared.includes(`\`${flag}`)) missing.push(`${command}: ${flag}`);
      }
    }
    expect(missing).toEqual([]);
  }, 180_000);
});

describe('the API reference', () => {
  it('npm run docs succeeds with no TypeDoc warning', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    let output: string;
    try {
      const { stdout, stderr } = await run(npm, ['run', 'docs', '--silent'], {
        cwd: repoRoot,
        maxBuffer: 32 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      });
      output = stdout + stderr;
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
      expect.fail(`npm run docs failed:\n${output}`);
    }
    expect(output.split('\n').filter((l) => /\[(warning|error)\]/.test(l))).toEqual([]);
    expect(existsSync(join(docsDir, 'api/index.html'))).toBe(true);
  }, 180_000);

  it('files the exports under categories that mirror docs/metrics.md and the packages', () => {
    const api = JSON.parse(readFileSync(join(docsDir, 'api/api.json'), 'utf8')) as { children: Categorized[] };
    const titles = (name: string) => (api.children.find((m) => m.name === name)?.categories ?? []).map((c) => c.title);
    expect(titles('@panopticon/core')).toEqual(['Model', 'Follow-up', 'Response', 'Time to event', 'Time', 'Sources']);
    expect(titles('@panopticon/core/files')).toEqual(['Sources']);
    expect(titles('@panopticon/charts')).toEqual(['Charts']);
    expect(titles('@panopticon/zoho-adapter')).toEqual(['Zoho']);
    expect(titles('@panopticon/sql')).toEqual(['SQL']);
    // docs/metrics.md's "Time to event (survival)": its metrics are filed there, not under the model.
    const core = api.children.find((m) => m.name === '@panopticon/core') as Categorized & { children: { id: number; name: string }[] };
    const names = (title: string) => {
      const ids = new Set(core.categories?.find((c) => c.title === title)?.children ?? []);
      return core.children.filter((r) => ids.has(r.id)).map((r) => r.name);
    };
    expect(names('Time to event')).toEqual(expect.arrayContaining(['kaplanMeier', 'firstContactSurvival', 'speedToLead', 'cohortFunnel']));
    expect(names('Model').filter((name) => /survival|kaplan|speedToLead|cohortFunnel/i.test(name))).toEqual([]);
  });

  // One test per entry point of typedoc.json, so that a failure names the package whose exports lack examples.
  const entryPoints = (JSON.parse(readFileSync(join(repoRoot, 'typedoc.json'), 'utf8')) as { entryPoints: string[] }).entryPoints;
  it.each(entryPoints)('every export of %s has TSDoc with an @example', (entry) => {
    const api = JSON.parse(readFileSync(join(docsDir, 'api/api.json'), 'utf8')) as Reflection;
    const modules = (api.children ?? []).filter((m) => m.kind === 2);
    const names = moduleNames(entry);
    const module = modules.find((m) => names.includes(m.name));
    expect(module, `no module ${names.join(' or ')} in docs/api/api.json`).toBeDefined();
    const missing = (module!.children ?? []).filter((r) => !hasExample(r)).map((r) => r.name);
    expect(missing, `${module!.name}: exports without @example`).toEqual([]);
  });
});

interface Categorized {
  name: string;
  categories?: { title: string; children?: number[] }[];
}

interface Reflection {
  name: string;
  kind: number;
  children?: Reflection[];
  signatures?: Reflection[];
  comment?: { blockTags?: { tag: string }[] };
}

/**
 * The names TypeDoc may give the module of an entry point: the package's name and subpath (what a
 * `@module` tag says, as `@panopticon/core/danfo`), or the path TypeDoc derives without one (`charts/src`).
 */
function moduleNames(entry: string): string[] {
  const m = /^packages\/([^/]+)\/src\/(.*)\.ts$/.exec(entry)!;
  const pkg = (JSON.parse(readFileSync(join(repoRoot, 'packages', m[1]!, 'package.json'), 'utf8')) as { name: string }).name;
  const sub = m[2]!.replace(/(^|\/)index$/, '');
  return [sub === '' ? pkg : `${pkg}/${sub}`, `${m[1]}/src${sub === '' ? '' : `/${sub}`}`];
}

function hasExample(r: Reflection): boolean {
  return [r, ...(r.signatures ?? [])].some((x) => x.comment?.blockTags?.some((t) => t.tag === '@example'));
}

/** The text of the `## ` section whose heading is `title` (up to the next `## `), or ''. */
function section(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  if (start < 0) return '';
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** The anchors of a markdown file's headings, as GitHub makes them. */
function headingSlugs(markdown: string): Set<string> {
  const slugs = new Set<string>();
  for (const [, heading] of markdown.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} (.+)$/gm)) {
    slugs.add(
      heading!
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    );
  }
  return slugs;
}

describe('zoho.md', () => {
  const text = readFileSync(join(docsDir, 'zoho.md'), 'utf8');
  const fences = [...text.matchAll(/^( *)```(\w+)\n([\s\S]*?)^\1```/gm)].map((m) => ({
    lang: m[2]!,
    code: m[3]!.replace(new RegExp(`^${m[1]}`, 'gm'), ''),
  }));

  it('its data-center table is the adapter’s', async () => {
    const { ZOHO_DATA_CENTERS } = await import('@panopticon/zoho-adapter');
    const rows = [...text.matchAll(/^\| `([A-Z]{2})`(?: \(default\))? \| [^|]+ \| (\S+) \| (\S+) \| (\S+) \|$/gm)];
    const table = Object.fromEntries(rows.map((r) => [r[1], { accountsUrl: r[2], apiDomain: r[3], apiConsole: r[4] }]));
    expect(table).toEqual(ZOHO_DATA_CENTERS);
  });

  it('every command it shows runs against the fake Zoho server (npm run build first)', async () => {
    const { startFakeZoho } = await import('@panopticon/zoho-adapter/testing');
    const { mkdtempSync, chmodSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { spawn } = await import('node:child_process');
    // The org of the page's example: a custom appointment field, a renamed owner lookup, another history module.
    const server = await startFakeZoho({
      data: { leads: 300, appointed: 90, seed: 5 },
      historyModule: 'Stage_History',
      fieldNames: { Appointment_Date: 'Site_Visit_Date', First_Contact_Time: 'First_Call_Time', Owner: 'Locator' },
    });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'panopticon-zoho-md-'));
      const shim = join(dir, 'bin');
      (await import('node:fs')).mkdirSync(shim);
      writeFileSync(
        join(shim, 'panopticon'),
        `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'packages/cli/bin/panopticon.js')}" "$@"\n`,
      );
      chmodSync(join(shim, 'panopticon'), 0o755);
      const configs = fences.filter((f) => f.lang === 'json');
      expect(configs).toHaveLength(1);
      writeFileSync(join(dir, 'panopticon.config.json'), configs[0]!.code);
      const env = { ...process.env, ...server.env, PATH: `${shim}:${process.env.PATH}` };
      // Real hosts become the fake's: the accounts server and the API domain of any data center.
      const local = (command: string) =>
        command
          .replace(/https:\/\/accounts\.zoho(cloud)?[a-z.]*/g, server.accountsUrl)
          .replace(/https:\/\/www\.zohoapis\.[a-z.]+/g, server.apiDomain);
      const commands = fences
        .filter((f) => f.lang === 'sh')
        .flatMap((f) => f.code.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#')));
      expect(commands.length).toBeGreaterThanOrEqual(9);
      for (const command of commands) {
        if (command.includes('fake-zoho')) {
          // A server: it must start and print the variables to set, then it is stopped.
          const child = spawn('bash', ['-c', command], { cwd: dir, env, detached: true });
          const printed = await new Promise<string>((resolve) => {
            let out = '';
            const collect = (chunk: Buffer) => {
              out += String(chunk);
              if (out.includes('ZOHO_API_DOMAIN')) resolve(out);
            };
            child.stdout.on('data', collect);
            child.stderr.on('data', collect);
            child.on('exit', () => resolve(out));
          });
          // The shell and the server it started, as one process group.
          process.kill(-child.pid!, 'SIGTERM');
          expect(printed, command).toContain('ZOHO_ACCOUNTS_URL');
          continue;
        }
        const result = await run('bash', ['-c', local(command)], { cwd: dir, env, maxBuffer: 64 << 20 }).catch(
          (error: { code: number; stderr: string }) => error,
        );
        expect('code' in result ? `exit ${result.code}: ${result.stderr}` : 'ok', command).toBe('ok');
        if (command.startsWith('curl')) expect((result as { stdout: string }).stdout, command).toContain('"refresh_token"');
      }
      expect(server.stats.records.Stage_History).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  }, 180_000);
});
