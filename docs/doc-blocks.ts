/**
 * The code blocks of the guides in docs/ and of the READMEs, for docs.test.ts: every ```ts block is
 * type-checked against the packages' sources and run; a ```ts block followed by a ```text block must print
 * exactly that text. Every line of a ```sh block that runs `panopticon` is run too. Blocks run in a scratch
 * folder holding the sample data (see `sampleDir`), beside the fake Zoho server.
 *
 * A block that cannot run says so, and why, in an HTML comment right above it (the test lists them all):
 * - `<!-- doc-test: not run: REASON -->`: the block is not run (still type-checked);
 * - `<!-- doc-test: not run "TEXT": REASON -->`: the lines of a shell block containing TEXT are not run;
 * - `<!-- doc-test: config JSON -->`: the block runs beside a `panopticon.config.json` holding JSON.
 *
 * Two comment markers let a page share set-up code between its examples:
 * - a block whose first line starts with `// Shared setup` is the page's setup;
 * - a block whose first line is `// (builds on the shared setup above)` is checked and run with the setup
 *   in front of it, as one module.
 */
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundleForNode } from '../scripts/bundle-for-node.mjs';

export const docsDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(docsDir, '..');
const SETUP = /^\/\/ Shared setup/;
const USES_SETUP = /^\/\/ \(builds on the shared setup above\)/;

/** One fenced ```ts block of a guide. */
export interface DocBlock {
  /** The guide, relative to the repository (`docs/metrics.md`). */
  file: string;
  /** 1-based line of the block's first code line in the guide. */
  line: number;
  /** The block's code. */
  code: string;
  /** The page's setup code, when the block builds on it. */
  setup?: string;
  /** The text the block must print, when a ```text block follows it. */
  output?: string;
  /** The `<!-- doc-test: … -->` marks right above the block. */
  marks?: DocTestMark[];
}

/** A `<!-- doc-test: … -->` mark: what of a block is not run and why, or the config it runs beside. */
export type DocTestMark = { kind: 'not run'; reason: string; text?: string } | { kind: 'config'; json: string };

/** One fenced ```sh block of a page: its lines that run `panopticon`. */
export interface ShellBlock {
  file: string;
  line: number;
  /** The lines that run `panopticon` (`npx panopticon …`, comments and other commands left out). */
  commands: string[];
  marks: DocTestMark[];
}

/** The marks in the HTML comments right above the fence opened at `lines[open]` (blank lines between allowed). */
function marksAbove(lines: string[], open: number, file: string): DocTestMark[] {
  const marks: DocTestMark[] = [];
  for (let i = open - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const m = /^<!-- doc-test: (.*) -->$/.exec(line);
    if (!m) break;
    const body = m[1]!;
    const notRun = /^not run(?: "([^"]+)")?: (.+)$/.exec(body);
    const config = /^config (\{.*\})$/.exec(body);
    if (notRun) marks.push({ kind: 'not run', reason: notRun[2]!, ...(notRun[1] === undefined ? {} : { text: notRun[1] }) });
    else if (config) marks.push({ kind: 'config', json: config[1]! });
    else throw new Error(`${file}:${i + 1}: unknown doc-test mark "${body}"`);
  }
  return marks;
}

/** The ```ts blocks of a markdown file, with their expected output and setup. */
export function readBlocks(path: string): DocBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const file = relative(repoRoot, path);
  // Each fence: its language, the 1-based line of its first code line, its code, and the index of its closing line.
  const fences: { lang: string; line: number; code: string; end: number; marks: DocTestMark[] }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    fences.push({ lang: open[1]!, line: start + 1, code: lines.slice(start, j).join('\n'), end: j, marks: marksAbove(lines, i, file) });
    i = j;
  }
  let setup: string | undefined;
  const blocks: DocBlock[] = [];
  fences.forEach((fence, k) => {
    if (fence.lang !== 'ts' && fence.lang !== 'typescript') return;
    const block: DocBlock = { file, line: fence.line, code: fence.code, marks: fence.marks };
    if (SETUP.test(fence.code)) setup = fence.code;
    else if (USES_SETUP.test(fence.code)) {
      if (setup === undefined)
        throw new Error(`${file}:${fence.line}: a block builds on the shared setup, but no setup block comes before it.`);
      block.setup = setup;
    }
    // The output: a ```text fence right after this one, with only blank lines or "Prints:" between.
    const next = fences[k + 1];
    if (next && next.lang === 'text') {
      const between = lines.slice(fence.end + 1, next.line - 2).filter((l) => l.trim() !== '' && !/^Prints:?$/i.test(l.trim()));
      if (between.length === 0) block.output = next.code;
    }
    blocks.push(block);
  });
  return blocks;
}

/** A line that runs the command line tool: `[VAR=value …] [npx] panopticon …`, at its start or after `&&`/`;`. */
const RUNS_PANOPTICON = /(^|&&|;)\s*([A-Z_]+=\S*\s+)*(npx )?panopticon( |$)/;

/** The ```sh blocks of a markdown file that run `panopticon`, with their marks. */
export function readShellBlocks(path: string): ShellBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const file = relative(repoRoot, path);
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    let j = i + 1;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    if (['sh', 'bash', 'shell'].includes(open[1]!)) {
      // A line ending in a backslash goes on on the next one.
      const joined = lines
        .slice(i + 1, j)
        .join('\n')
        .replace(/\\\n\s*/g, '')
        .split('\n');
      const commands = joined.filter((l) => !l.trim().startsWith('#') && RUNS_PANOPTICON.test(l.replace(/\s#.*$/, '')));
      if (commands.length > 0) blocks.push({ file, line: i + 2, commands, marks: marksAbove(lines, i, file) });
    }
    i = j;
  }
  return blocks;
}

/** The reason a block (or, with `line`, one line of a shell block) is not run, or undefined when it runs. */
export function notRunReason(marks: DocTestMark[] | undefined, line?: string): string | undefined {
  for (const mark of marks ?? []) {
    if (mark.kind !== 'not run') continue;
    if (mark.text === undefined || (line !== undefined && line.includes(mark.text))) return mark.reason;
  }
  return undefined;
}

/**
 * A scratch folder holding the sample data (examples/data) under the names the pages use: leads.csv,
 * stage_history.csv, owner_history.csv, schedule.csv, pipeline.json; the same files under exports/ (and
 * export.csv, the leads); zoho-leads.csv and zoho-history.csv, the leads and history under the column
 * labels of a Zoho CRM export (configuration.md); and the block's `config` mark as panopticon.config.json.
 */
export function sampleDir(name: string, marks: DocTestMark[] = []): string {
  const dir = scratchDir(name);
  const data = join(repoRoot, 'examples/data');
  const files = ['leads.csv', 'stage_history.csv', 'owner_history.csv', 'schedule.csv', 'pipeline.json'];
  mkdirSync(join(dir, 'exports'));
  for (const f of files) {
    copyFileSync(join(data, f), join(dir, f));
    copyFileSync(join(data, f), join(dir, 'exports', f));
  }
  copyFileSync(join(data, 'leads.csv'), join(dir, 'export.csv'));
  const relabel = (file: string, labels: Record<string, string>) => {
    const [header, ...rows] = readFileSync(join(data, file), 'utf8').split('\n');
    return [
      header!
        .split(',')
        .map((c) => labels[c] ?? c)
        .join(','),
      ...rows,
    ].join('\n');
  };
  writeFileSync(
    join(dir, 'zoho-leads.csv'),
    relabel('leads.csv', {
      lead_id: 'Record Id',
      name: 'Lead Name',
      received_time: 'Created Time',
      first_contact_time: 'First Call',
      appointment_time: 'Appointment Date',
      stage: 'Lead Status',
      locator: 'Lead Owner',
    }),
  );
  writeFileSync(
    join(dir, 'zoho-history.csv'),
    relabel('stage_history.csv', { lead_id: 'Record Id', stage: 'Lead Status', changed_at: 'Modified Time' }),
  );
  for (const mark of marks) if (mark.kind === 'config') writeFileSync(join(dir, 'panopticon.config.json'), mark.json);
  return dir;
}

/**
 * Runs one line of a shell block with `bash`, in `cwd`, `panopticon` (and `npx panopticon`) being the built
 * command line tool. Resolves to the exit code, stdout and stderr.
 */
export async function runShellLine(
  line: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const shim = join(cwd, '.bin');
  mkdirSync(shim, { recursive: true });
  writeFileSync(
    join(shim, 'panopticon'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(repoRoot, 'packages/cli/bin/panopticon.js')}" "$@"\n`,
  );
  chmodSync(join(shim, 'panopticon'), 0o755);
  const command = line.replace(/\bnpx panopticon\b/g, 'panopticon');
  try {
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', command], {
      cwd,
      env: { ...env, PATH: `${shim}:${env.PATH ?? ''}` },
      maxBuffer: 64 << 20,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

/** The block as a module: the setup in front (its marker line kept, so line numbers map back), `export {}` to be a module. */
export function moduleSource(block: DocBlock): { source: string; offset: number } {
  const prefix = block.setup === undefined ? '' : `${block.setup}\n`;
  return { source: `${prefix}${block.code}\nexport {};\n`, offset: prefix === '' ? 0 : prefix.split('\n').length - 1 };
}

/** A scratch directory inside the repository, so that package names resolve through its node_modules. */
export function scratchDir(name: string): string {
  const dir = join(repoRoot, 'node_modules/.cache/panopticon-docs', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Type-checks every block with tsc, against the packages' TypeScript sources (the `source` export
 * condition) and docs/tsconfig.json's settings. Returns one message per error, naming the guide and line.
 */
export async function typecheckBlocks(blocks: DocBlock[]): Promise<string[]> {
  const dir = scratchDir('typecheck');
  const files = blocks.map((block, i) => {
    const name = `${basename(block.file, '.md')}-${i}.ts`;
    writeFileSync(join(dir, name), moduleSource(block).source);
    return { name, block };
  });
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(dir, join(docsDir, 'tsconfig.json')),
      compilerOptions: { noEmit: true, noUnusedLocals: false },
      include: ['*.ts', relative(dir, join(docsDir, 'types/*.d.ts'))],
    }),
  );
  const tsc = createRequire(join(repoRoot, 'package.json')).resolve('typescript/bin/tsc');
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json'), '--pretty', 'false'], {
      cwd: repoRoot,
      maxBuffer: 32 * 1024 * 1024,
    });
    return [];
  } catch (error) {
    const out = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    return out
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const m = /^(.*?\.ts)\((\d+),(\d+)\): (.*)$/.exec(l);
        const hit = m ? files.find((f) => m[1]!.endsWith(f.name)) : undefined;
        if (!m || !hit) return l;
        const { offset } = moduleSource(hit.block);
        const at = Number(m[2]) - offset;
        return at > 0
          ? `${hit.block.file}:${hit.block.line + at - 1}: ${m[4]}`
          : `${hit.block.file}:${hit.block.line} (in the shared setup, line ${m[2]}): ${m[4]}`;
      });
  }
}

/**
 * Runs a block with Node, as the examples are run: bundled by scripts/bundle-for-node.mjs (the workspace
 * packages compiled from source, every other package left to Node), in `cwd` (default: the repository), with
 * `env`. Returns what it printed on stdout; rejects when it exits with another code than 0.
 */
export async function runBlock(
  block: DocBlock,
  index: number,
  cwd: string = repoRoot,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const dir = scratchDir(`run-${basename(block.file, '.md')}-${index}`);
  const entry = join(dir, 'block.ts');
  writeFileSync(entry, moduleSource(block).source);
  const outfile = join(dir, 'block.mjs');
  await bundleForNode(entry, outfile, { logLevel: 'silent' });
  const { stdout } = await promisify(execFile)(process.execPath, [outfile], { cwd, env, timeout: 60_000 });
  return stdout;
}
