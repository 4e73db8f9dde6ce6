#!/usr/bin/env node
// Writes a follow-up data set of N appointed leads for benchmarks: leads.csv, stage_history.csv,
// owner_history.csv and pipeline.json in DIR, seeded. Every lead has an appointment; each has about four
// stage changes and one owner change, so 100,000 leads come with about 500,000 history rows. The mix
// (awaiting, at risk, stale, progressed, stuck in green, won, lost) is like a real pipeline's, as of
// --as-of 2026-03-31 in America/New_York. Timestamps are naive ("2025-03-04 09:15:00").
// Usage: node scripts/gen-pipeline.mjs LEADS DIR [SEED]
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './prng.mjs';
import { SAMPLE_PIPELINE } from './sample-pipeline.mjs';

export const PIPELINE_AS_OF = '2026-03-31';
export const PIPELINE_TIME_ZONE = 'America/New_York';

export const BENCH_PIPELINE = SAMPLE_PIPELINE;

const LOCATORS = ['Ana Souza', 'Ben Okafor', 'Chloé Martin', 'Dev Patel', 'Erin Walsh', 'Farah Haddad', 'Gus Lindqvist', 'Hana Sato'];
const TEAMS = ['East', 'West', 'North'];
const SOURCES = ['Web form', 'Referral', 'Trade show', 'Cold call'];
const FIRST = ['Tomás', 'Kenji', 'Amara', 'Lucas', 'Priya', 'Noah', 'Zoé', 'Omar', 'Ingrid', 'Mateo'];
const LAST = ['Haddad', 'Dubois', 'Nakamura', 'Okafor', 'Rossi', 'Schmidt', 'Silva', 'Kowalski', 'Moreau', 'Larsen'];
const PLACES = ['Car Wash', 'Laundromat', 'Gym', 'Motel', 'Clinic', 'Office Park', 'Garage', 'Library'];
const AREAS = ['Downtown', 'Oak Hill', 'Riverside', 'Eastgate', 'Maple', 'Harbor'];

const MINUTE = 60_000;
const DAY = 86_400_000;
// Naive wall-clock times are generated as if UTC and written without an offset.
const fmt = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** Writes the four files; resolves to { leads, stageRows, ownerRows }. */
export async function writePipeline(leadCount, dir, seed = 7) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'pipeline.json'), `${JSON.stringify(BENCH_PIPELINE, null, 2)}\n`);
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const asOf = Date.parse(`${PIPELINE_AS_OF}T23:59:59Z`);
  const start = asOf - 400 * DAY;

  const files = {
    leads: new Sink(
      join(dir, 'leads.csv'),
      'lead_id,name,received_time,first_contact_time,appointment_time,stage,locator,team,source,company,assigned_time\n',
    ),
    stages: new Sink(join(dir, 'stage_history.csv'), 'lead_id,stage,changed_at\n'),
    owners: new Sink(join(dir, 'owner_history.csv'), 'lead_id,locator,changed_at\n'),
  };
  let stageRows = 0;
  let ownerRows = 0;
  for (let i = 0; i < leadCount; i++) {
    const id = String(5_000_000 + i);
    const created = start + Math.floor((rand() * 380 * DAY) / MINUTE) * MINUTE;
    const contacted = created + Math.floor(((5 + rand() * 600) * MINUTE) / 1000) * 1000;
    const set = contacted + Math.floor((rand() * 3 * DAY) / MINUTE) * MINUTE;
    // Appointments a few days to three weeks out: some of the latest are still upcoming at asOf.
    const appointment = set + Math.floor(((2 + rand() * 19) * DAY) / (30 * MINUTE)) * 30 * MINUTE;
    // A third of the leads book the appointment on the first call: no separate "Contacted" row.
    const history =
      rand() < 0.32
        ? [
            ['New', created],
            ['Appointment Set', set],
          ]
        : [
            ['New', created],
            ['Contacted', contacted],
            ['Appointment Set', set],
          ];
    const r = rand();
    let t = appointment + Math.floor(rand() * 10 * DAY);
    // 30% no progress after the appointment (awaiting, at risk or stale by asOf), the rest move on.
    if (r < 0.3 || t > asOf) {
      // no change after the appointment
    } else if (r < 0.45) {
      history.push(['Follow-Up', t]);
    } else if (r < 0.55) {
      history.push(['Lost', t]);
    } else {
      history.push(['Green - Approved', t]);
      t += Math.floor(rand() * 40 * DAY);
      if (rand() < 0.75 && t < asOf) {
        history.push(['Delivery Requested', t]);
        t += Math.floor(rand() * 20 * DAY);
        if (rand() < 0.8 && t < asOf) history.push(['Green/Delivered', t]);
      }
    }
    const stage = history[history.length - 1][0];
    const locator = pick(LOCATORS);
    const assigned = created + Math.floor(rand() * 30) * MINUTE;
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const company = `${pick(AREAS)} ${pick(PLACES)}`;
    files.leads.add(
      `${id},${name},${fmt(created)},${fmt(contacted)},${fmt(appointment)},${stage},${locator},${pick(TEAMS)},${pick(SOURCES)},${company},${fmt(assigned)}\n`,
    );
    for (const [s, at] of history) files.stages.add(`${id},${s},${fmt(at)}\n`);
    stageRows += history.length;
    // One owner row, and for one lead in twenty a reassignment after the appointment.
    files.owners.add(`${id},${locator},${fmt(assigned)}\n`);
    ownerRows++;
    if (rand() < 0.05) {
      files.owners.add(`${id},${pick(LOCATORS)},${fmt(Math.min(asOf - DAY, appointment + Math.floor(rand() * 15 * DAY)))}\n`);
      ownerRows++;
    }
  }
  await Promise.all(Object.values(files).map((f) => f.close()));
  return { leads: leadCount, stageRows, ownerRows };
}

/** A file written in 1 MB pieces (the generator is synchronous, so the stream queues them). */
class Sink {
  constructor(path, header) {
    this.out = createWriteStream(path);
    this.buffer = header;
  }
  add(text) {
    this.buffer += text;
    if (this.buffer.length > 1 << 20) this.flush();
  }
  flush() {
    this.out.write(this.buffer);
    this.buffer = '';
  }
  close() {
    this.flush();
    return new Promise((resolve, reject) => this.out.end((e) => (e ? reject(e) : resolve())));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [leads = '100000', dir = 'pipeline-data', seed = '7'] = process.argv.slice(2);
  const counts = await writePipeline(Number(leads), dir, Number(seed));
  console.error(`wrote ${counts.leads} leads, ${counts.stageRows} stage rows, ${counts.ownerRows} owner rows to ${dir}`);
}
