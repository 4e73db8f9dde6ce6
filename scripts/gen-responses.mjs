#!/usr/bin/env node
// Writes a response-time export of N rows (lead_id,received_time,first_contact_time,rep,team), seeded,
// for benchmarks and for comparisons with pandas and DuckDB. Timestamps are naive ("2025-03-04 09:15:00").
// Usage: node scripts/gen-responses.mjs ROWS OUT.csv [SEED]
import { createWriteStream } from 'node:fs';
import { prng } from './prng.mjs';

export function* responseRows(rows, seed = 42) {
  const rand = prng(seed);
  const reps = ['Ana', 'Ben', 'Chloe', 'Dev', 'Erin', 'Farah', 'Gus', 'Hana'];
  const teams = ['East', 'West', 'North'];
  const start = Date.UTC(2024, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const fmt = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  yield 'lead_id,received_time,first_contact_time,rep,team\n';
  for (let i = 0; i < rows; i++) {
    const created = start + Math.floor((rand() * span) / 1000) * 1000;
    const r = rand();
    // 8% never contacted; the rest log-normal around 25 minutes, a long tail of days.
    const contact = r < 0.08 ? '' : fmt(created + Math.floor(Math.exp(Math.log(25 * 60_000) + 1.4 * (rand() + rand() + rand() - 1.5))));
    yield `${1_000_000_000 + i},${fmt(created)},${contact},${reps[i % reps.length]},${teams[i % teams.length]}\n`;
  }
}

export async function writeResponses(rows, path, seed = 42) {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of responseRows(rows, seed)) {
    buffer += line;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows = '100000', path = 'responses.csv', seed = '42'] = process.argv.slice(2);
  await writeResponses(Number(rows), path, Number(seed));
  console.error(`wrote ${rows} rows to ${path}`);
}
