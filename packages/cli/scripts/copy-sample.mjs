// Copies the bundled sample data into the package so an installed `panopticon` can run without arguments.
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../../../examples/data/', import.meta.url));
const to = fileURLToPath(new URL('../sample/', import.meta.url));
mkdirSync(to, { recursive: true });
for (const name of readdirSync(from)) {
  if (/\.(csv|json)$/.test(name)) cpSync(from + name, to + name);
}
