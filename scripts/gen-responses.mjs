#!/usr/bin/env node
// Writes a response-time export of N rows, seeded, for benchmarks and for comparisons with pandas, polars and
// DuckDB. Every shape holds the same five columns that are read (lead_id,received_time,first_contact_time,rep,
// team) and differs from `numeric` in one way only, as exports of other CRMs do:
//   numeric   plain numeric ids (1000000000, 1000000001, …), naive timestamps ("2025-03-04 09:15:00"), 8 % never contacted
//   sfid      18-character Salesforce-like ids (00Q5g0000…, increasing, a 3-character suffix)
//   lid       `L`-prefixed ids (L0000001, L0000002, …)
//   uuid      random UUIDs (no order)
//   offsets   ISO timestamps with the offset of the team's zone ("2025-03-04T04:15:00-05:00", same instants)
//   never12   12 % never contacted
//   wide      40 columns, of which the 5 above are read (a quoted value with a comma in every tenth row)
// Usage: node scripts/gen-responses.mjs ROWS OUT.csv [SEED] [SHAPE]
import { createWriteStream } from 'node:fs';
import { prng } from './prng.mjs';

export const RESPONSE_SHAPES = ['numeric', 'sfid', 'lid', 'uuid', 'offsets', 'never12', 'wide'];

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';
/** The offsets of the `offsets` shape, one per team (East, West, North), in minutes east of UTC. */
const TEAM_OFFSETS = [-300, -480, 330];
const WIDE_EXTRA = 35;

export function* responseRows(rows, seed = 42, shape = 'numeric') {
  if (!RESPONSE_SHAPES.includes(shape)) throw new RangeError(`unknown shape ${shape} (one of ${RESPONSE_SHAPES.join(', ')})`);
  const rand = prng(seed);
  // The ids and filler values draw from their own generator, so every shape has the same instants.
  const other = prng(seed + 1);
  const reps = ['Ana', 'Ben', 'Chloe', 'Dev', 'Erin', 'Farah', 'Gus', 'Hana'];
  const teams = ['East', 'West', 'North'];
  const start = Date.UTC(2024, 0, 1);
  const span = 2 * 365 * 86_400_000;
  const naive = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
  const withOffset = (ms, minutes) => {
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    const hhmm = `${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return `${new Date(ms + minutes * 60_000).toISOString().slice(0, 19)}${sign}${hhmm}`;
  };
  const never = shape === 'never12' ? 0.12 : 0.08;
  const idOf = ids(shape, other, rows);
  const wide = shape === 'wide';
  yield wide ? `${wideHeader()}\n` : 'lead_id,received_time,first_contact_time,rep,team\n';
  for (let i = 0; i < rows; i++) {
    const created = start + Math.floor((rand() * span) / 1000) * 1000;
    const r = rand();
    // The rest log-normal around 25 minutes, a long tail of days.
    const contactMs = r < never ? null : created + Math.floor(Math.exp(Math.log(25 * 60_000) + 1.4 * (rand() + rand() + rand() - 1.5)));
    const team = i % teams.length;
    const time = shape === 'offsets' ? (ms) => withOffset(ms, TEAM_OFFSETS[team]) : naive;
    const contact = contactMs === null ? '' : time(contactMs);
    const id = idOf(i);
    if (wide) yield `${wideRow(other, i, id, time(created), contact, reps[i % reps.length], teams[team])}\n`;
    else yield `${id},${time(created)},${contact},${reps[i % reps.length]},${teams[team]}\n`;
  }
}

/** The id of row `i` in a shape. */
function ids(shape, rand, rows) {
  if (shape === 'sfid') {
    // 00Q (the lead prefix), a pod and a zero run, an increasing base-62 counter, a 3-character case suffix.
    return (i) => {
      let counter = '';
      for (let n = i + 1, k = 0; k < 9; k++, n = Math.floor(n / 62)) counter = BASE62[n % 62] + counter;
      let suffix = '';
      for (let k = 0; k < 3; k++) suffix += BASE62[10 + Math.floor(rand() * 26)];
      return `00Q5g0${counter}${suffix}`;
    };
  }
  if (shape === 'lid') {
    const width = Math.max(7, String(rows).length);
    return (i) => `L${String(i + 1).padStart(width, '0')}`;
  }
  if (shape === 'uuid') {
    return () => {
      let s = '';
      for (let k = 0; k < 32; k++) {
        const d = k === 12 ? 4 : k === 16 ? 8 + Math.floor(rand() * 4) : Math.floor(rand() * 16);
        s += HEX[d];
        if (k === 7 || k === 11 || k === 15 || k === 19) s += '-';
      }
      return s;
    };
  }
  return (i) => String(1_000_000_000 + i);
}

/** The header of the wide shape: the five read columns spread among 35 others. */
function wideHeader() {
  const names = [];
  for (let k = 0; k < WIDE_EXTRA; k++) names.push(`extra_${String(k + 1).padStart(2, '0')}`);
  names.splice(3, 0, 'lead_id');
  names.splice(9, 0, 'received_time');
  names.splice(17, 0, 'first_contact_time');
  names.splice(24, 0, 'rep');
  names.splice(31, 0, 'team');
  return names.join(',');
}

function wideRow(rand, i, id, received, contact, rep, team) {
  const extra = [];
  for (let k = 0; k < WIDE_EXTRA; k++) {
    const kind = k % 5;
    if (kind === 0) extra.push(String(Math.floor(rand() * 100_000)));
    else if (kind === 1) extra.push(i % 10 === 0 && k === 1 ? '"Acme, Inc."' : `acct-${Math.floor(rand() * 5000)}`);
    else if (kind === 2) extra.push((rand() * 1000).toFixed(2));
    else if (kind === 3) extra.push(`user${Math.floor(rand() * 900)}@example.com`);
    else extra.push(rand() < 0.3 ? '' : 'Web Form');
  }
  extra.splice(3, 0, id);
  extra.splice(9, 0, received);
  extra.splice(17, 0, contact);
  extra.splice(24, 0, rep);
  extra.splice(31, 0, team);
  return extra.join(',');
}

export async function writeResponses(rows, path, seed = 42, shape = 'numeric') {
  const out = createWriteStream(path);
  let buffer = '';
  for (const line of responseRows(rows, seed, shape)) {
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
  const [rows = '100000', path = 'responses.csv', seed = '42', shape = 'numeric'] = process.argv.slice(2);
  await writeResponses(Number(rows), path, Number(seed), shape);
  console.error(`wrote ${rows} ${shape} rows to ${path}`);
}
