/**
 * The needs-attention rows and the appointments as the page embeds them: in columns, every lead named once
 * in one shared table (id and name, referred to by index from these rows, the lead dialog's details and the
 * green → delivery rows), every stage, locator, team, status and reason once in a shared dictionary, small
 * numbers packed one character each and times as wall-clock minutes (codes.ts). A 100,000-lead page holds a
 * tenth of the bytes the row arrays took. Platform-neutral: the page builder encodes (page.ts), the page's
 * script decodes once when it starts (client/main.ts) into the row arrays its panels read.
 *
 * @module
 */
import {
  Dictionary,
  deltas,
  instantAt,
  instantOffset,
  minuteOf,
  minuteParts,
  minuteText,
  packCodes,
  undoDeltas,
  unpackCodes,
  wordOf,
  packNullable,
  unpackNullable,
  type Codes,
  type NullableCodes,
} from './codes.js';
import type { AppointmentTuple, AttentionTuple } from './page-data.js';

/** The leads the page names, by index: `id[i]` and `name[i]`. */
export interface LeadTable {
  id: string[];
  name: string[];
}

/** The shared parts every encoded table refers to. */
export interface SharedTables {
  /** The texts other columns refer to by index. */
  words: string[];
  leads: LeadTable;
  /** The distinct offsets (ms) between an appointment instant and its wall-clock minute (codes.ts's instantOffset). */
  offsets: number[];
}

/** {@link AttentionTuple}s in columns: `lead` indexes {@link SharedTables.leads}, word columns its words (-1 = none). */
export interface AttentionColumns {
  lead: number[];
  locator: Codes;
  team: Codes;
  stage: Codes;
  category: Codes;
  status: Codes;
  reason: Codes;
  days: Codes;
  /** The appointment's wall-clock minute (codes.ts's minuteOf) less `base`, `null` = none. */
  appointment: NullableCodes;
  base: number;
  /** Index into {@link SharedTables.offsets}: the appointment instant; -1 = none. */
  offset: Codes;
  newToday: Codes;
  change: Codes;
  was: Codes;
}

/** {@link AppointmentTuple}s in columns, in their order (by day and time): lead and minute as deltas from the row before. */
export interface AppointmentColumns {
  lead: Codes;
  locator: Codes;
  stage: Codes;
  status: Codes;
  minute: Codes;
}

/** Builds the shared tables while the page's tables are encoded. */
export class SharedTablesBuilder {
  readonly words = new Dictionary();
  readonly #leads: LeadTable = { id: [], name: [] };
  readonly #leadIndex = new Map<string, number>();
  readonly #offsets = new Map<number, number>();

  /** The index of a lead (by id and name: two rows naming one id differently stay apart). */
  lead(id: string, name: string): number {
    const key = `${id}\u0000${name}`;
    let i = this.#leadIndex.get(key);
    if (i === undefined) {
      i = this.#leads.id.length;
      this.#leads.id.push(id);
      this.#leads.name.push(name);
      this.#leadIndex.set(key, i);
    }
    return i;
  }

  offset(ms: number): number {
    let i = this.#offsets.get(ms);
    if (i === undefined) {
      i = this.#offsets.size;
      this.#offsets.set(ms, i);
    }
    return i;
  }

  done(): SharedTables {
    return { words: this.words.words, leads: this.#leads, offsets: [...this.#offsets.keys()] };
  }
}

export function encodeAttention(rows: readonly AttentionTuple[], shared: SharedTablesBuilder): AttentionColumns {
  const w = shared.words;
  const appointment = rows.map((r) => (r[9] === null ? null : minuteOf(r[9])));
  const base = appointment.reduce<number>((a, b) => (b === null ? a : Math.min(a, b)), Number.POSITIVE_INFINITY);
  const from = Number.isFinite(base) ? base : 0;
  return {
    lead: rows.map((r) => shared.lead(r[0], r[1])),
    locator: packCodes(rows.map((r) => w.maybe(r[2]))),
    team: packCodes(rows.map((r) => w.maybe(r[3]))),
    stage: packCodes(rows.map((r) => w.index(r[4]))),
    category: packCodes(rows.map((r) => w.index(r[5]))),
    status: packCodes(rows.map((r) => w.index(r[6]))),
    reason: packCodes(rows.map((r) => w.index(r[7]))),
    days: packCodes(rows.map((r) => r[8])),
    appointment: packNullable(appointment.map((m) => (m === null ? null : m - from))),
    base: from,
    offset: packCodes(
      rows.map((r, i) => {
        const at = r[11];
        const minute = appointment[i];
        if (at === null) return -1;
        // The instant is kept whole even when the list has no wall-clock text for it.
        if (minute === null || minute === undefined) throw new RangeError(`An appointment instant without its time: ${at}`);
        return shared.offset(instantOffset(minute, at));
      }),
    ),
    newToday: packCodes(rows.map((r) => r[10])),
    change: packCodes(rows.map((r) => w.maybe(r[12]))),
    was: packCodes(rows.map((r) => w.maybe(r[13]))),
  };
}

export function decodeAttention(c: AttentionColumns, shared: SharedTables): AttentionTuple[] {
  const [locator, team, stage, category, status, reason, days, offset, newToday, change, was] = [
    c.locator,
    c.team,
    c.stage,
    c.category,
    c.status,
    c.reason,
    c.days,
    c.offset,
    c.newToday,
    c.change,
    c.was,
  ].map(unpackCodes) as number[][];
  const { words, leads, offsets } = shared;
  const appointment = unpackNullable(c.appointment);
  const out = new Array<AttentionTuple>(c.lead.length);
  for (let i = 0; i < out.length; i++) {
    const lead = c.lead[i]!;
    const since = appointment[i] ?? null;
    const minute = since === null ? null : c.base + since;
    const o = offset![i]!;
    out[i] = [
      leads.id[lead]!,
      leads.name[lead]!,
      wordOf(words, locator![i]!),
      wordOf(words, team![i]!),
      words[stage![i]!]!,
      words[category![i]!]! as AttentionTuple[5],
      words[status![i]!]! as AttentionTuple[6],
      words[reason![i]!]! as AttentionTuple[7],
      days![i]!,
      minute === null ? null : minuteText(minute),
      newToday![i] === 1 ? 1 : 0,
      o < 0 || minute === null ? null : instantAt(minute, offsets[o]!),
      wordOf(words, change![i]!) as AttentionTuple[12],
      wordOf(words, was![i]!) as AttentionTuple[13],
    ];
  }
  return out;
}

export function encodeAppointments(rows: readonly AppointmentTuple[], shared: SharedTablesBuilder): AppointmentColumns {
  const w = shared.words;
  return {
    lead: packCodes(deltas(rows.map((r) => shared.lead(r[0], r[1])))),
    locator: packCodes(rows.map((r) => w.maybe(r[2]))),
    stage: packCodes(rows.map((r) => w.index(r[3]))),
    status: packCodes(rows.map((r) => w.index(r[4]))),
    minute: packCodes(deltas(rows.map((r) => minuteOf(`${r[5]} ${r[6]}`)))),
  };
}

export function decodeAppointments(c: AppointmentColumns, shared: SharedTables): AppointmentTuple[] {
  const lead = undoDeltas(unpackCodes(c.lead));
  const minute = undoDeltas(unpackCodes(c.minute));
  const [locator, stage, status] = [c.locator, c.stage, c.status].map(unpackCodes) as number[][];
  const { words, leads } = shared;
  const out = new Array<AppointmentTuple>(lead.length);
  for (let i = 0; i < out.length; i++) {
    const [day, time] = minuteParts(minute[i]!);
    const l = lead[i]!;
    out[i] = [
      leads.id[l]!,
      leads.name[l]!,
      wordOf(words, locator![i]!),
      words[stage![i]!]!,
      words[status![i]!]! as AppointmentTuple[4],
      day,
      time,
    ];
  }
  return out;
}
