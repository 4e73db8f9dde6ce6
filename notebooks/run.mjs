#!/usr/bin/env node
// Executes the notebooks headless with the Deno kernel, the way the test suite does:
//
//   npm run notebooks                      # re-run every notebook and save its outputs in place
//   node notebooks/run.mjs --out <dir>     # run them, writing the executed copies to <dir> (the test)
//   node notebooks/run.mjs baseline-kpis   # only the notebooks named
//
// Needs `jupyter nbconvert` (Debian/Ubuntu: apt-get install jupyter-nbconvert python3-ipykernel; or
// pip install nbconvert ipykernel) and the built packages (`npm run build`; `npm install` does it). The
// Deno kernel is the repository's own (node_modules/deno), declared in a private kernelspec directory for
// the run, so nothing needs `deno jupyter --install` and no other installed Deno is picked up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

/** The notebooks of this folder, by file name. */
export function notebookFiles() {
  return readdirSync(here)
    .filter((f) => f.endsWith('.ipynb'))
    .sort();
}

/** The path of the Deno executable installed by npm (the `deno` package). */
export function denoExecutable() {
  const require = createRequire(join(root, 'package.json'));
  return require('deno/install_api.cjs').runInstall();
}

/**
 * Runs `jupyter nbconvert --execute` on each notebook; returns { status, failed, output } (status 0 when all ran). `out`: directory for the
 * executed copies, or null to overwrite the notebooks in place.
 */
export function runNotebooks({ names = notebookFiles(), out = null, timeoutSeconds = 600 } = {}) {
  for (const dir of ['packages/core/dist', 'packages/charts/dist']) {
    if (!existsSync(join(root, dir)))
      return { status: 1, failed: names, output: `${dir} is missing: run npm run build first (the notebooks import the built packages).` };
  }
  const jupyterPath = mkdtempSync(join(tmpdir(), 'panopticon-kernels-'));
  try {
    const kernelDir = join(jupyterPath, 'kernels', 'deno');
    mkdirSync(kernelDir, { recursive: true });
    const kernel = {
      argv: [denoExecutable(), 'jupyter', '--kernel', '--conn', '{connection_file}'],
      display_name: 'Deno',
      language: 'typescript',
    };
    writeFileSync(join(kernelDir, 'kernel.json'), JSON.stringify(kernel, null, 2));
    const pythonPath = [here, process.env.PYTHONPATH].filter(Boolean).join(delimiter);
    const env = { ...process.env, JUPYTER_PATH: jupyterPath, PYTHONPATH: pythonPath, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' };
    // One nbconvert per notebook, so that an error in one does not hide the others.
    const results = names.map((name) => {
      const file = join(here, name.endsWith('.ipynb') ? name : `${name}.ipynb`);
      const written = out === null ? file : join(out, basename(file));
      // nbconvert's own executor, extended so that no output arriving just after a cell finished is lost
      // (settled_execute.py says why).
      const args = [
        'nbconvert',
        '--to',
        'notebook',
        '--Exporter.preprocessors=["settled_execute.SettledExecutePreprocessor"]',
        '--SettledExecutePreprocessor.enabled=True',
        '--SettledExecutePreprocessor.kernel_name=deno',
        `--SettledExecutePreprocessor.timeout=${timeoutSeconds}`,
        '--SettledExecutePreprocessor.record_timing=False',
        ...(out === null ? ['--inplace'] : ['--output-dir', out]),
        file,
      ];
      // Should a cell still come back without any output, that is not an error of the notebook: run it
      // again (a cell error never is retried).
      let result;
      let missing = [];
      for (let attempt = 1; attempt <= 4; attempt++) {
        result = spawnSync('jupyter', args, { cwd: here, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        if (result.error || result.status !== 0) break;
        missing = cellsMissingOutput(written);
        if (missing.length === 0) break;
      }
      if (result.error) {
        const notFound = /** @type {NodeJS.ErrnoException} */ (result.error).code === 'ENOENT';
        return {
          name,
          status: 1,
          output: notFound
            ? 'jupyter is not installed: apt-get install jupyter-nbconvert python3-ipykernel (or pip install nbconvert ipykernel).'
            : String(result.error),
        };
      }
      const output = `${result.stdout}${result.stderr}`;
      if (result.status === 0 && missing.length > 0) {
        return { name, status: 1, output: `${output}\ncells ${missing.join(', ')} produced no output in 4 runs` };
      }
      return { name, status: result.status ?? 1, output };
    });
    const failed = results.filter((r) => r.status !== 0);
    return {
      status: failed.length === 0 ? 0 : 1,
      failed: failed.map((r) => r.name),
      output: results.map((r) => `== ${r.name}: ${r.status === 0 ? 'ok' : 'FAILED'}\n${r.status === 0 ? '' : r.output}`).join('\n'),
    };
  } finally {
    rmSync(jupyterPath, { recursive: true, force: true });
  }
}

/**
 * Indices of the code cells of an executed notebook that show something when run (a table, a figure or a
 * console.log) but were saved without any output.
 */
export function cellsMissingOutput(path) {
  const notebook = JSON.parse(readFileSync(path, 'utf8'));
  return notebook.cells.flatMap((cell, i) => {
    if (cell.cell_type !== 'code' || cell.outputs.length > 0) return [];
    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source;
    return /\bawait (table|figure)\(|console\.log\(/.test(source) ? [i] : [];
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const o = argv.indexOf('--out');
  const out = o >= 0 ? resolve(argv[o + 1] ?? '.') : null;
  const names = argv.filter((a, i) => !a.startsWith('--') && (o < 0 || i !== o + 1)).map((n) => basename(n));
  const { status, output } = runNotebooks({ names: names.length > 0 ? names : undefined, out });
  process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  process.exit(status);
}
