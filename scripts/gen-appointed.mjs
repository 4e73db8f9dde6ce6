#!/usr/bin/env node
// Writes a seeded data set of N appointed leads for dashboard measurements: leads.csv, stage_history.csv,
// owner_history.csv, schedule.csv and pipeline.json in OUT_DIR, the same layout and pipeline as the bundled
// sample (examples/data), with naive timestamps in America/New_York and "now" = 2026-10-31.
// Every lead has an appointment; after it, leads progress (follow-up, green, delivery, won), get lost, or
// sit still, so every follow-up status and needs-attention reason occurs.
// Usage: node scripts/gen-appointed.mjs [N=10000] [OUT_DIR=.tmp/appointed-N] [SEED=7]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { prng } from './prng.mjs';
import { SAMPLE_PIPELINE as PIPELINE } from './sample-pipeline.mjs';

export const AS_OF = '2026-10-31';
export const TIME_ZONE = 'America/New_York';

const FIRST = [
  'Ana',
  'Ben',
  'Chloé',
  'Dev',
  'Erin',
  'Farah',
  'Gus',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lena',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sami',
  'Tomás',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoë',
];
const LAST = [
  'Souza',
  'Carter',
  'Martin',
  'Patel',
  "O'Neill",
  'Haddad',
  'Nguyen',
  'Okafor',
  'Ivanova',
  'García',
  'Tanaka',
  'Kowalski',
  'Müller',
  'Rossi',
  'Dubois',
  'Smith',
  'Brown',
];
const LOCATORS = [
  'Ana Souza',
  'Ben Carter',
  'Chloé Martin',
  'Dev Patel',
  "Erin O'Neill",
  'Farah Haddad',
  'Gus Lindqvist',
  'Hana Sato',
  'Ivan Petrov',
  'Jade Wong',
  'Kofi Mensah',
  'Lena Vogel',
];
const TEAMS = ['East', 'West', 'North'];
const SOURCES = ['Web form', 'Referral', 'Cold call', 'Trade show'];
const COMPANIES = [
  'Downtown Car Wash',
  'Oak Hill Laundromat',
  'Riverside Gym',
  'Maple Street Clinic',
  'Harbor Hotel',
  'Northgate Mall',
  'City Library',
];

const MIN = 60_000;
const DAY = 86_400_000;
// Wall-clock arithmetic on naive times (UTC fields stand for New York wall clock; the CSV source reads them in the zone).
const fmt = (ms) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const csv = (v) => (v === null || v === undefined ? '' : /[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));

export function generate(n, seed = 7) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const lognormal = (median, spread) =>
    median * Math.exp(spread * Math.sqrt(-2 * Math.log(Math.max(rand(), 1e-9))) * Math.cos(2 * Math.PI * rand()));
  const asOfEnd = Date.parse(`${AS_OF}T23:59:59Z`);
  const start = asOfEnd - 200 * DAY;
  const leads = ['lead_id,name,received_time,first_contact_time,appointment_time,stage,locator,team,source,company,assigned_time'];
  const history = ['lead_id,stage,changed_at'];
  const owners = ['lead_id,locator,changed_at'];
  for (let i = 0; i < n; i++) {
    const id = String(500000 + i);
    // Arrivals: busier on weekdays and in business hours.
    let created = start + Math.floor(rand() * (asOfEnd - 2 * DAY - start));
    const hour = rand() < 0.8 ? 8 + Math.floor(rand() * 10) : Math.floor(rand() * 24);
    created = Math.floor(created / DAY) * DAY + hour * 3_600_000 + Math.floor(rand() * 60) * MIN;
    const contact = created + Math.max(1, Math.round(lognormal(30, 1.5))) * MIN;
    const appointment =
      Math.floor((contact + (1 + Math.floor(rand() * 14)) * DAY) / DAY) * DAY +
      (9 + Math.floor(rand() * 8)) * 3_600_000 +
      (rand() < 0.5 ? 30 * MIN : 0);
    const locator = pick(LOCATORS);
    const events = [
      ['New', created],
      ['Contacted', contact],
      ['Appointment Set', contact + Math.round(5 + rand() * 30) * MIN],
    ];
    // After the appointment: 45% progress, 15% lost, the rest sit still (at risk, stale or awaiting).
    const r = rand();
    let t = appointment + Math.round(lognormal(4, 0.8) * DAY);
    if (r < 0.45) {
      events.push(['Follow-Up', t]);
      if (rand() < 0.7) {
        t += Math.round(lognormal(6, 0.7) * DAY);
        events.push(['Green - Approved', t]);
        if (rand() < 0.7) {
          t += Math.round(lognormal(7, 0.8) * DAY);
          events.push(['Delivery Requested', t]);
          if (rand() < 0.8) events.push(['Green/Delivered', t + Math.round(lognormal(10, 0.5) * DAY)]);
        }
      }
    } else if (r < 0.6) {
      events.push(['Lost', t]);
    }
    const kept = events.filter(([, at]) => at <= asOfEnd);
    for (const [stage, at] of kept) history.push(`${id},${csv(stage)},${fmt(at)}`);
    owners.push(`${id},${csv(locator)},${fmt(created + 5 * MIN)}`);
    let current = locator;
    if (rand() < 0.08) {
      const at = appointment + Math.round(lognormal(10, 0.5) * DAY);
      if (at <= asOfEnd) {
        current = pick(LOCATORS.filter((l) => l !== locator));
        owners.push(`${id},${csv(current)},${fmt(at)}`);
      }
    }
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    leads.push(
      [
        id,
        name,
        fmt(created),
        fmt(contact),
        fmt(appointment),
        kept[kept.length - 1][0],
        current,
        pick(TEAMS),
        pick(SOURCES),
        pick(COMPANIES),
        fmt(created + 5 * MIN),
      ]
        .map(csv)
        .join(','),
    );
  }
  const schedule = ['rep,day_of_week,shift_start,shift_end'];
  const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  LOCATORS.forEach((rep, k) => {
    for (let d = 0; d < 5; d++) schedule.push(`${csv(rep)},${DAYS[d]},${k % 2 ? '09:00' : '08:00'},${k % 2 ? '17:30' : '16:00'}`);
    if (k % 4 === 0) schedule.push(`${csv(rep)},Saturday,10:00,14:00`);
  });
  return {
    'leads.csv': leads.join('\n') + '\n',
    'stage_history.csv': history.join('\n') + '\n',
    'owner_history.csv': owners.join('\n') + '\n',
    'schedule.csv': schedule.join('\n') + '\n',
    'pipeline.json': JSON.stringify(PIPELINE, null, 2) + '\n',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n = '10000', out = `.tmp/appointed-${n}`, seed = '7'] = process.argv.slice(2);
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(generate(Number(n), Number(seed)))) writeFileSync(join(dir, name), text);
  console.error(`wrote ${n} appointed leads to ${dir} (as of ${AS_OF}, ${TIME_ZONE})`);
}
