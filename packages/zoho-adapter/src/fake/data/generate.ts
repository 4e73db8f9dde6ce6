/**
 * The seeded generator of fake orgs: the same options always give the same org (leads, paths, owners,
 * history rows and meetings).
 */
import { createRng } from '../random.js';
import {
  DEFAULT_FAKE_OWNERS,
  DEFAULT_FAKE_STAGES,
  type FakeDataOptions,
  type FakeMalformation,
  type FakeOwnerStay,
  type FakeStage,
  type FakeStageNames,
} from './model.js';
import { FakeZohoData } from './org.js';
import { makeUser } from './users.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

const FIRST = [
  'Joe',
  'María',
  'Kenji',
  'Fatima',
  'Liam',
  'Olga',
  'Tomás',
  'Priya',
  'Noah',
  'Zoë',
  'Ahmed',
  'Grace',
  'Luca',
  'Mei',
  'Sam',
  'Aisha',
];
const LAST = ['Nguyen', 'García', 'Smith', 'Kowalski', 'Okafor', 'Müller', 'Rossi', 'Haddad', 'Brown', 'Dubois', 'Ivanova', 'Tanaka'];
const VENUES = ['Gym', 'Laundromat', 'Car Wash', 'Dental Office', 'Warehouse', 'Hotel', 'Library', 'Auto Shop', 'Clinic', 'School'];
const PLACES = ['Riverside', 'Maple', 'Downtown', 'Harbor', 'Oak Hill', 'Northgate', 'Lakeview', 'Elm Street'];
const SOURCES = ['Advertisement', 'Cold Call', 'Employee Referral', 'Web Download', 'Trade Show', 'Chat'];
const MALFORMATIONS: FakeMalformation[] = ['bad-created-time', 'missing-stage', 'numeric-id', 'bad-appointment'];

/**
 * Generates a seeded org: leads over `days` before `asOf`, a share appointed, with histories, owners and
 * meetings.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData({ leads: 500, appointed: 150, seed: 2 });
 * data.leads.length; // 500
 * generateFakeZohoData({ leads: 500, appointed: 150, seed: 2 }).leads[0]!.id === data.leads[0]!.id; // true: same seed, same org
 * ```
 */
export function generateFakeZohoData(options: FakeDataOptions = {}): FakeZohoData {
  const seed = options.seed ?? 1;
  const rng = createRng(seed);
  const count = Math.max(0, Math.floor(options.leads ?? 100));
  const appointedCount = Math.min(count, Math.max(0, Math.floor(options.appointed ?? Math.round(count * 0.3))));
  const asOf = Math.floor(new Date(options.asOf ?? '2026-03-31T18:00:00Z').getTime() / 1000) * 1000;
  const days = options.days ?? 180;
  const stages: FakeStageNames = { ...DEFAULT_FAKE_STAGES, ...options.stages };
  const users = (options.owners ?? DEFAULT_FAKE_OWNERS).map((o, i) => makeUser(o.name, o.team ?? null, i));
  const appointmentsAs = options.appointmentsAs ?? 'field';
  const data = new FakeZohoData(users, stages, appointmentsAs, seed, options.ownerRows ?? false);
  const duplicateRowShare = options.duplicateRowShare ?? 0.05;
  const reassignedShare = options.reassignedShare ?? 0.1;

  // Which leads are appointed, uncovered by the history module, and malformed: fixed sets of indices.
  const order = rng.shuffle([...Array(count).keys()]);
  const appointed = new Set(order.slice(0, appointedCount));
  const uncovered = new Set(rng.shuffle([...Array(count).keys()]).slice(0, Math.min(count, options.uncovered ?? 0)));
  const malformedList = rng.shuffle([...Array(count).keys()]).slice(0, Math.min(count, options.malformed ?? 0));
  const malformed = new Map(malformedList.map((index, k) => [index, MALFORMATIONS[k % MALFORMATIONS.length]!]));

  // Arrival times ascending, so ids grow with creation time as Zoho's do.
  const created = Array.from({ length: count }, () => Math.floor((asOf - rng.between(1, days) * DAY) / 1000) * 1000).sort((a, b) => a - b);
  const sec = (ms: number) => Math.floor(ms / 1000) * 1000;

  for (let i = 0; i < count; i++) {
    const createdAt = created[i]!;
    const owner = rng.pick(users);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const path: FakeStage[] = [{ stage: stages.new, at: createdAt }];
    let t = createdAt;
    const step = (minMinutes: number, maxMinutes: number) => {
      t = sec(t + rng.between(minMinutes, maxMinutes) * MINUTE);
      return t;
    };
    let firstContactAt: number | null = null;
    let appointmentAt: number | null = null;
    if (appointed.has(i)) {
      firstContactAt = step(3, 600);
      path.push({ stage: stages.contacted, at: firstContactAt });
      path.push({ stage: stages.appointment, at: step(60, 3 * 1440) });
      appointmentAt = sec(t + rng.int(2, 14) * DAY + rng.int(0, 8) * 3_600_000);
      t = appointmentAt;
      const r = rng.next();
      if (r < 0.25) {
        // nobody moved it
      } else if (r < 0.45) {
        path.push({ stage: stages.followUp, at: step(1440, 6 * 1440) });
        if (rng.chance(0.5)) path.push({ stage: stages.lost, at: step(2 * 1440, 20 * 1440) });
      } else if (r < 0.55) {
        path.push({ stage: stages.lost, at: step(1440, 6 * 1440) });
      } else {
        path.push({ stage: stages.green, at: step(1440, 6 * 1440) });
        if (rng.chance(0.75)) {
          path.push({ stage: stages.delivery, at: step(2 * 1440, 10 * 1440) });
          if (rng.chance(0.75)) path.push({ stage: stages.won, at: step(3 * 1440, 12 * 1440) });
        }
      }
    } else if (rng.chance(0.85)) {
      firstContactAt = step(2, 900);
      path.push({ stage: stages.contacted, at: firstContactAt });
      if (rng.chance(0.3)) path.push({ stage: stages.lost, at: step(1440, 20 * 1440) });
    }
    const kept = path.filter((s) => s.at <= asOf - MINUTE);
    if (firstContactAt !== null && firstContactAt > asOf - MINUTE) firstContactAt = null;
    const owners: FakeOwnerStay[] = [{ user: owner, at: createdAt }];
    if (rng.chance(reassignedShare) && asOf - createdAt > 2 * DAY) {
      const other = rng.pick(users.filter((u) => u !== owner).length ? users.filter((u) => u !== owner) : users);
      owners.push({ user: other, at: sec(createdAt + rng.between(1, (asOf - createdAt) / DAY - 1) * DAY) });
    }
    const noise = rng.chance(0.5)
      ? [{ at: sec(createdAt + rng.between(5, 300) * MINUTE), field: 'Phone', old: null, new: `+1 555 01${rng.int(10, 99)}` }]
      : [];
    const lastChange = Math.max(...kept.map((s) => s.at), ...owners.map((o) => o.at), ...noise.map((x) => x.at).filter((x) => x <= asOf));
    const won = kept[kept.length - 1]!.stage === stages.won;
    data.addLead(
      {
        firstName: first,
        lastName: last,
        company: rng.chance(0.9) ? `${rng.pick(PLACES)} ${rng.pick(VENUES)}` : null,
        email: `${first
          .toLowerCase()
          .normalize('NFD')
          .replace(/[^a-z]/g, '')}.${i}@example.net`,
        phone: noise.length ? noise[0]!.new : null,
        source: rng.chance(0.95) ? rng.pick(SOURCES) : null,
        createdAt,
        modifiedAt: Math.min(asOf, lastChange + 1000),
        firstContactAt,
        appointmentAt,
        converted: won,
        convertedAt: won ? kept[kept.length - 1]!.at : null,
        stages: kept,
        owners: owners.filter((o) => o.at <= asOf),
        malformed: malformed.get(i) ?? null,
        noise: noise.filter((x) => x.at <= asOf),
      },
      !uncovered.has(i),
      duplicateRowShare,
    );
    if (appointmentAt !== null && appointmentsAs !== 'field') {
      const lead = data.leads[data.leads.length - 1]!;
      const whatName = `${first} ${last}`;
      // A meeting on this lead, from `start` to `start` plus `hours`; times in ms, floored to the second as Zoho's are.
      const meeting = (title: string, start: number, hours: number, cancelled: boolean, createdAt: number, modifiedAt: number) =>
        data.addEvent({
          title,
          start,
          end: sec(start + hours * 3_600_000),
          whatId: lead.id,
          whatName,
          module: 'Leads',
          cancelled,
          createdAt: sec(createdAt),
          modifiedAt: sec(modifiedAt),
          owner,
        });
      if (rng.chance(0.2)) {
        // A booking that was cancelled and rebooked, and sometimes an earlier intro call.
        meeting('Site visit (cancelled)', sec(appointmentAt + DAY), 1, true, appointmentAt - 5 * DAY, appointmentAt - 2 * DAY);
      }
      if (rng.chance(0.2))
        meeting('Intro call', sec(appointmentAt - 2 * DAY), 0.5, false, appointmentAt - 4 * DAY, appointmentAt - 4 * DAY);
      meeting(`Site visit: ${lead.company ?? last}`, appointmentAt, 1, false, appointmentAt - 3 * DAY, appointmentAt - 3 * DAY);
    }
  }
  if (appointmentsAs !== 'field') {
    // Meetings on other modules, which the adapter must ignore.
    for (let k = 0; k < Math.ceil(count / 20); k++) {
      const at = sec(asOf - rng.between(1, days) * DAY);
      data.addEvent({
        title: 'Account review',
        start: at,
        end: at + 3_600_000,
        whatId: String(5725767000030000000n + BigInt(k)),
        whatName: 'Some Account',
        module: 'Accounts',
        cancelled: false,
        createdAt: at - DAY,
        modifiedAt: at - DAY,
        owner: users[0]!,
      });
    }
  }
  return data;
}
