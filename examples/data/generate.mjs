#!/usr/bin/env node
// Generates the bundled sample data set: a vending-placement business with five locators, six months of
// leads, stage and owner histories, a weekly staff schedule and the pipeline. Seeded, so every run writes
// the same files; run `npm run sample-data` after changing it and commit the result.
//
// The set is built to exercise every follow-up status (no-appointment, upcoming, awaiting, at-risk, stale,
// progressed, won, lost, plus stalled and stuck-in-green) and every data-quality warning of the CSV source,
// while containing no row errors. Timestamps are naive wall-clock times in America/New_York, as a plain
// CRM export writes them.
//
// It is plain JavaScript with no imports from the packages so it runs before anything is built. The
// pipeline is examples/data/pipeline.json (the one copy of the sample pipeline; edit it there) and the PRNG
// is scripts/prng.mjs, which every generator shares.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { prng } from '../../scripts/prng.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? here;
mkdirSync(out, { recursive: true });

export const SAMPLE = {
  timeZone: 'America/New_York',
  // The sample's "now": statuses in the docs and tests are stated as of the end of this day.
  asOf: '2026-10-31',
  from: '2026-05-01',
  to: '2026-10-24',
  leads: 600,
  seed: 20261031,
};

const rand = prng(SAMPLE.seed);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const chance = (p) => rand() < p;
const between = (lo, hi) => lo + rand() * (hi - lo);
// Log-normal minutes around a median, for response and follow-up delays.
const lognormal = (medianValue, spread) => {
  const u = Math.max(rand(), 1e-9);
  const v = rand();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return medianValue * Math.exp(spread * z);
};

// Wall-clock arithmetic on "naive" times: minutes since 1970-01-01 00:00 of the local calendar.
// The generator never converts to instants; the CSV source reads these in SAMPLE.timeZone.
const MIN_PER_DAY = 1440;
const dayOf = (iso) => Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000);
const fmt = (minutes) => {
  const d = new Date(Math.round(minutes) * 60_000);
  return d.toISOString().slice(0, 19).replace('T', ' ');
};
const weekday = (minutes) => (Math.floor(minutes / MIN_PER_DAY) + 3) % 7; // 0 = Monday
const minuteOfDay = (minutes) => ((Math.floor(minutes) % MIN_PER_DAY) + MIN_PER_DAY) % MIN_PER_DAY;

const PIPELINE = JSON.parse(readFileSync(join(here, 'pipeline.json'), 'utf8'));

const LOCATORS = [
  { name: 'Ana Souza', team: 'East' },
  { name: 'Ben Carter', team: 'East' },
  { name: 'Chloé Martin', team: 'West' },
  { name: 'Dev Patel', team: 'West' },
  { name: "Erin O'Neill", team: 'East' },
];

// Weekly shifts (day 0 = Monday). Erin covers evenings, crossing midnight; weekends are thin on purpose,
// so the coverage view has slots with leads and nobody on shift.
const SCHEDULE = [];
for (let day = 0; day < 5; day++) {
  SCHEDULE.push(['Ana Souza', day, '08:00', '16:00']);
  SCHEDULE.push(['Ben Carter', day, '09:00', '17:30']);
  SCHEDULE.push(['Chloé Martin', day, '10:00', '18:00']);
  if (day !== 2) SCHEDULE.push(['Dev Patel', day, '12:00', '20:00']);
}
for (const day of [1, 3, 4]) SCHEDULE.push(["Erin O'Neill", day, '18:00', '01:00']);
SCHEDULE.push(['Dev Patel', 5, '10:00', '14:00']);
SCHEDULE.push(["Erin O'Neill", 6, '22:00', '02:00']);

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const onShift = (minutes) => {
  const wd = weekday(minutes);
  const m = minuteOfDay(minutes);
  return SCHEDULE.some(([, day, start, end]) => {
    const s = +start.slice(0, 2) * 60 + +start.slice(3);
    const e = +end.slice(0, 2) * 60 + +end.slice(3);
    if (e > s) return day === wd && m >= s && m < e;
    return (day === wd && m >= s) || ((day + 1) % 7 === wd && m < e);
  });
};
// The next minute at which somebody is on shift (searching in 15-minute steps).
const nextOnShift = (minutes) => {
  let t = minutes;
  for (let i = 0; i < 4 * 24 * 7 && !onShift(t); i++) t = Math.ceil((t + 1) / 15) * 15;
  return t;
};

const FIRST = ['Joe', 'María', 'Kenji', 'Fatima', 'Liam', 'Olga', 'Tomás', 'Priya', 'Noah', 'Zoë', 'Ahmed', 'Grace', 'Luca', 'Mei', 'Sam', 'Aisha'];
const LAST = ['Nguyen', 'García', 'Smith', 'Kowalski', 'Okafor', 'Müller', 'Rossi', 'Haddad', 'Brown', 'Dubois', 'Ivanova', 'Tanaka'];
const VENUES = ['Gym', 'Laundromat', 'Car Wash', 'Dental Office', 'Warehouse', 'Hotel', 'Library', 'Auto Shop', 'Clinic', 'School', 'Office Park', 'Bowling Alley'];
const PLACES = ['Riverside', 'Maple', 'Downtown', 'Harbor', 'Oak Hill', 'Northgate', 'Lakeview', 'Elm Street'];
const SOURCES = ['Web form', 'Referral', 'Trade show', 'Cold call', 'Google Ads'];

const asOfEnd = (dayOf(SAMPLE.asOf) + 1) * MIN_PER_DAY - 1;
const startDay = dayOf(SAMPLE.from);
const endDay = dayOf(SAMPLE.to);

const leads = [];
const history = [];
const owners = [];

// Arrival times: weekday business hours mostly, with evenings and weekends so every slot pattern appears.
function arrival() {
  for (;;) {
    const day = Math.floor(between(startDay, endDay + 1));
    const wd = (day + 3) % 7;
    const weekend = wd >= 5;
    if (weekend && !chance(0.35)) continue;
    const hour = chance(0.8) ? between(8, 18) : between(0, 24);
    return day * MIN_PER_DAY + Math.floor(hour * 60);
  }
}

for (let i = 0; i < SAMPLE.leads; i++) {
  const id = String(100_000 + i * 7);
  const created = arrival();
  const owner = pick(LOCATORS);
  const first = pick(FIRST);
  const name = `${first} ${pick(LAST)}`;
  const company = chance(0.15) ? `${pick(PLACES)} ${pick(VENUES)}, LLC` : `${pick(PLACES)} ${pick(VENUES)}`;
  const lead = {
    lead_id: id,
    name,
    received_time: fmt(created),
    first_contact_time: '',
    appointment_time: '',
    stage: 'New',
    locator: owner.name,
    team: owner.team,
    source: pick(SOURCES),
    company,
    assigned_time: fmt(created + Math.floor(between(1, 20))),
  };
  const stages = [['New', created]];
  owners.push([id, owner.name, created + 1]);

  // Response: fast on shift, after the next shift starts otherwise; some never contacted.
  let contacted = null;
  if (!chance(0.09)) {
    const startFrom = onShift(created) ? created : nextOnShift(created);
    contacted = Math.min(startFrom + Math.max(1, lognormal(onShift(created) ? 18 : 35, 1.0)), asOfEnd - 60);
    if (contacted > created) {
      lead.first_contact_time = fmt(contacted);
      stages.push(['Contacted', contacted]);
    } else contacted = null;
  }

  // About a third get an appointment: set a day or two after contact, held 2–14 days later.
  if (contacted !== null && chance(0.36)) {
    const setAt = contacted + between(60, 3 * MIN_PER_DAY);
    const apptDay = Math.floor(setAt / MIN_PER_DAY) + Math.floor(between(2, 15));
    const appointment = apptDay * MIN_PER_DAY + pick([9, 10, 11, 13, 14, 15, 16]) * 60 + pick([0, 30]);
    if (setAt < asOfEnd) {
      stages.push(['Appointment Set', setAt]);
      lead.appointment_time = fmt(appointment);
      if (appointment < asOfEnd) followUp(id, appointment, stages, owner);
    }
  } else if (contacted !== null && chance(0.25)) {
    stages.push(['Lost', contacted + between(1, 20) * MIN_PER_DAY]);
  }

  const kept = stages.filter(([, at]) => at <= asOfEnd).sort((a, b) => a[1] - b[1]);
  lead.stage = kept[kept.length - 1][0];
  for (const [stage, at] of kept) history.push([id, stage, at]);
  leads.push(lead);
}

// What happens after an appointment: the outcome mix produces every status as of SAMPLE.asOf.
function followUp(id, appointment, stages, owner) {
  const r = rand();
  if (r < 0.22) return; // nobody moved it: awaiting, at-risk or stale depending on its date
  const firstMove = appointment + lognormal(4, 0.9) * MIN_PER_DAY;
  if (r < 0.3) {
    // Reassigned to another locator first: an intervention by owner change.
    const other = pick(LOCATORS.filter((l) => l !== owner));
    owners.push([id, other.name, appointment + between(8, 12) * MIN_PER_DAY]);
    return;
  }
  if (r < 0.45) {
    stages.push(['Follow-Up', firstMove]);
    if (chance(0.5)) stages.push(['Lost', firstMove + between(5, 25) * MIN_PER_DAY]);
    return;
  }
  if (r < 0.55) {
    stages.push(['Lost', firstMove]);
    return;
  }
  stages.push(['Green - Approved', firstMove]);
  if (chance(0.25)) return; // waits in green: some of these are stuck
  const requested = firstMove + lognormal(6, 0.6) * MIN_PER_DAY;
  stages.push(['Delivery Requested', requested]);
  if (chance(0.75)) stages.push(['Green/Delivered', requested + lognormal(9, 0.5) * MIN_PER_DAY]);
}

// Data-quality cases a real export contains; each is a warning, so every row still loads. (Only
// `empty-file` is missing: an empty input file would leave the sample without that data.)
// 1. A stage value the pipeline does not list.
history.push([leads[3].lead_id, 'Site Survey', dayOf('2026-10-20') * MIN_PER_DAY + 600]);
// 2. A first contact recorded before the lead was created (a clock or import error in the CRM).
const naiveMinutes = (text) => Date.parse(`${text.replace(' ', 'T')}Z`) / 60_000;
leads[11].first_contact_time = fmt(naiveMinutes(leads[11].received_time) - 45);
// 3. A stage change dated before the lead's creation.
history.push([leads[17].lead_id, 'New', naiveMinutes(leads[17].received_time) - 3 * MIN_PER_DAY]);
// 4. An appointment field that is not a timestamp.
leads[23].appointment_time = 'TBD';
// 5. An appointment given as a date only (read as the start of that day): valid, no warning.
if (leads[29].appointment_time) leads[29].appointment_time = leads[29].appointment_time.slice(0, 10);

// Rows sorted the way an export gives them, with the current stage from the generated history.
history.sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
const lastStage = new Map();
for (const [id, stage, at] of history) if (at <= asOfEnd) lastStage.set(id, stage);
for (const l of leads) l.stage = lastStage.get(l.lead_id) ?? l.stage;
// 6. An empty stage cell: the stage is taken from the lead's history.
leads[31].stage = '';

const csvField = (v) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
const csv = (header, rows) => [header.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';

const LEAD_COLUMNS = ['lead_id', 'name', 'received_time', 'first_contact_time', 'appointment_time', 'stage', 'locator', 'team', 'source', 'company', 'assigned_time'];
writeFileSync(join(out, 'stage_history.csv'), csv(['lead_id', 'stage', 'changed_at'], history.map(([id, s, at]) => [id, s, fmt(at)])));
owners.sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : 1));
// The export's locator is the current owner, as in a CRM.
const lastOwner = new Map();
for (const [id, who, at] of owners) if (at <= asOfEnd) lastOwner.set(id, who);
for (const l of leads) {
  const who = LOCATORS.find((x) => x.name === lastOwner.get(l.lead_id));
  if (who) Object.assign(l, { locator: who.name, team: who.team });
}
writeFileSync(join(out, 'leads.csv'), csv(LEAD_COLUMNS, leads.map((l) => LEAD_COLUMNS.map((c) => l[c]))));
writeFileSync(join(out, 'owner_history.csv'), csv(['lead_id', 'locator', 'changed_at'], owners.map(([id, who, at]) => [id, who, fmt(at)])));
// 7. The rep column exported twice, as some rota tools do (the first is read; a warning says so).
writeFileSync(join(out, 'schedule.csv'), csv(['rep', 'day_of_week', 'shift_start', 'shift_end'], SCHEDULE.map(([rep, d, s, e]) => [rep, DAY_NAMES[d], s, e])));
if (out !== here) writeFileSync(join(out, 'pipeline.json'), JSON.stringify(PIPELINE, null, 2) + '\n');
writeFileSync(
  join(out, 'sample.json'),
  JSON.stringify(
    {
      description: 'Generated sample data: a vending-placement business, six months of leads (examples/data/generate.mjs).',
      timeZone: SAMPLE.timeZone,
      asOf: SAMPLE.asOf,
      seed: SAMPLE.seed,
      files: { leads: 'leads.csv', stageHistory: 'stage_history.csv', ownerHistory: 'owner_history.csv', schedule: 'schedule.csv', pipeline: 'pipeline.json' },
    },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${leads.length} leads, ${history.length} stage changes, ${owners.length} owner changes, ${SCHEDULE.length} shifts to ${out}`);
