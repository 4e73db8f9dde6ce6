#!/usr/bin/env node
// Kept as a committed file (not generated) so npm can link the bin before the first build.
import('../dist/app/cli.js')
  .then((m) => m.main(process.argv.slice(2)))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
