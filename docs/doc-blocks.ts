/**
 * The code blocks of the guides in docs/, for docs.test.ts: every ```ts block is type-checked against the
 * packages' sources, and a ```ts block followed by a ```text block is run and must print exactly that text.
 *
 * Two comment markers let a page share set-up code between its examples:
 * - a block whose first line starts with `// Shared setup` is the page's setup;
 * - a block whose first line is `// (builds on the shared setup above)` is checked and run with the setup
 *   in front of it, as one module.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
}

/** The ```ts blocks of a markdown file, with their expected output and setup. */
export function readBlocks(path: string): DocBlock[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const file = relative(repoRoot, path);
  // Each fence: its language, the 1-based line of its first code line, its code, and the index of its closing line.
  const fences: { lang: string; line: number; code: string; end: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const start = i + 1;
    let j = start;
    while (j < lines.length && !/^```\s*$/.test(lines[j]!)) j++;
    fences.push({ lang: open[1]!, line: start + 1, code: lines.slice(start, j).join('\n'), end: j });
    i = j;
  }
  let setup: string | undefined;
  const blocks: DocBlock[] = [];
  fences.forEach((fence, k) => {
    if (fence.lang !== 'ts' && fence.lang !== 'typescript') return;
    const block: DocBlock = { file, line: fence.line, code: fence.code };
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
 * packages compiled from source, every other package left to Node), in `cwd` (default: the repository).
 * Returns what it printed on stdout.
 */
export async function runBlock(block: DocBlock, index: number, cwd: string = repoRoot): Promise<string> {
  const dir = scratchDir(`run-${basename(block.file, '.md')}-${index}`);
  const entry = join(dir, 'block.ts');
  writeFileSync(entry, moduleSource(block).source);
  const outfile = join(dir, 'block.mjs');
  await bundleForNode(entry, outfile, { logLevel: 'silent' });
  const { stdout } = await promisify(execFile)(process.execPath, [outfile], { cwd, timeout: 60_000 });
  return stdout;
}
