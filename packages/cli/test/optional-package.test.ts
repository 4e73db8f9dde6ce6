import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../src/errors.js';
import { importOptional, missingPackageOf } from '../src/optional-package.js';

/** The error Node gives for `import(specifier)` of a package that is not installed, as {code, message}. */
function failedImport(specifier: string): { code: string; message: string } {
  const r = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import(${JSON.stringify(specifier)}).catch((e) => console.log(JSON.stringify({ code: e.code, message: e.message })));`,
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(r.stdout) as { code: string; message: string };
}

describe('an optional package that is not installed', () => {
  it('is named from Node’s own error, scope included and subpath left out', () => {
    expect(missingPackageOf(failedImport('@panopticon-absent/engine/lib/x.js'))).toBe('@panopticon-absent/engine');
    expect(missingPackageOf(failedImport('panopticon-absent-package'))).toBe('panopticon-absent-package');
    expect(missingPackageOf(new Error('Cannot find package'))).toBeUndefined();
    expect(missingPackageOf(undefined)).toBeUndefined();
  });

  it('is a CliError (exit 3) naming the package, what needs it and how to install it', async () => {
    const missing = failedImport('@duckdb/node-api-absent');
    // As Node words it for the real package when it is not installed.
    const error = Object.assign(new Error(missing.message.replace('@duckdb/node-api-absent', '@duckdb/node-api')), { code: missing.code });
    const thrown = await importOptional(() => Promise.reject(error), '--engine duckdb').catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).exitCode).toBe(EXIT.unreadable);
    expect((thrown as CliError).message).toBe(
      '--engine duckdb needs the package @duckdb/node-api, which is not installed (it is optional): npm install @duckdb/node-api',
    );
  });

  it('passes any other failure on unchanged (a package not optional, a broken module)', async () => {
    const absent = Object.assign(new Error(failedImport('panopticon-absent-package').message), { code: 'ERR_MODULE_NOT_FOUND' });
    await expect(importOptional(() => Promise.reject(absent), 'x')).rejects.toBe(absent);
    const broken = new SyntaxError('Unexpected token');
    await expect(importOptional(() => Promise.reject(broken), 'x')).rejects.toBe(broken);
    expect(await importOptional(() => Promise.resolve(42), 'x')).toBe(42);
  });
});
