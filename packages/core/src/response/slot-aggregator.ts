import { WEEKDAY_NAMES } from '../model/calendar-basics.js';
import { assertSlotMinutes } from '../time/slot.js';
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE, formatMinuteOfDay } from '../time/civil.js';
import type { Zone } from '../time/zone.js';
import { getZone } from '../time/zone.js';
import { contactAsOf, responsePeriod } from './filter.js';
import type { AggregateBySlotOptions, HeatmapCell } from './heatmap-cell.js';
import { resolveSlaMinutes, responseClock } from './response-time.js';
import { selectQuantiles } from './select-quantiles.js';
import { CONTACTED, INVALID, NEVER } from './slot-status.js';

const QUANTILES = [0.5, 0.9];

/**
 * A heatmap built one lead at a time: the streaming form of {@link aggregateBySlot}, for leads that are
 * read rather than held (a CSV file of millions of rows) or that arrive in pieces. Feed it instants as
 * epoch milliseconds with {@link SlotAggregator.add}; {@link SlotAggregator.cells} returns exactly what `aggregateBySlot` returns for
 * the same leads with the same options, in any order of adding.
 *
 * @example
 * ```ts
 * const heatmap: SlotAggregator = createSlotAggregator({ timeZone: 'America/New_York' });
 * heatmap.add(Date.UTC(2026, 2, 9, 12, 44), Date.UTC(2026, 2, 9, 12, 56)); // Monday 08:44, answered in 12 minutes
 * heatmap.cells(); // [{ day: 'Monday', slot: '08:30', total: 1, withinSla: 1, … }]
 * ```
 */
export interface SlotAggregator {
  /**
   * Adds one lead: when it arrived, when it was first contacted (`null` when never; a contact before
   * arrival counts as invalid), and its team and locator for the `team` / `locator` filters. A lead outside
   * the filters, or whose arrival is not a finite number, is skipped as `aggregateBySlot` skips it.
   */
  add(createdAtMs: number, firstContactAtMs: number | null, team?: string | null, locator?: string | null): void;
  /** The cells of the leads added so far: one per slot that received leads, sorted by weekday then slot. */
  cells(): HeatmapCell[];
  /** Leads counted so far (those the filters kept). */
  readonly count: number;
}

/**
 * A {@link SlotAggregator} for the options of {@link aggregateBySlot} (validated now, with the same
 * errors). Memory is a few counters per cell and 4 bytes per contacted lead (its response time, kept by
 * cell, which the median and p90 need; 8 when it is not whole milliseconds); no lead object is kept.
 *
 * @example
 * ```ts
 * const heatmap = createSlotAggregator({ timeZone: 'America/New_York', slaMinutes: 15 });
 * for await (const row of readResponseRows('leads.csv', { timeZone: 'America/New_York' })) {
 *   heatmap.add(row.createdAt, row.firstContactAt, row.team, row.locator);
 * }
 * const cells = heatmap.cells();
 * ```
 */
export function createSlotAggregator(options: AggregateBySlotOptions): SlotAggregator {
  return slotAggregator(options);
}

/** {@link createSlotAggregator}, as the class (whose accumulator the CSV heatmap merges). @internal */
export function slotAggregator(options: AggregateBySlotOptions): StreamingSlotAggregator {
  const resolved = resolveSlotOptions(options);
  return new StreamingSlotAggregator(new SlotAccumulator(resolved.slotMinutes, resolved.slaMinutes), resolved);
}

/** The options of {@link aggregateBySlot}, validated (with its errors, in its order) and resolved. @internal */
export interface ResolvedSlotOptions {
  slotMinutes: number;
  slaMinutes: number;
  clock: 'wall' | 'business';
  measure: (createdMs: number, contactMs: number) => number;
  zone: Zone;
  /** Whether a period filter is set, and its bounds: created in `[fromMs, toMs)` and at or before `asOfMs`. */
  period: boolean;
  fromMs: number;
  toMs: number;
  /** The as-of instant (Infinity when none): later arrivals are left out, later contacts are not contacts yet. */
  asOfMs: number;
  teams: string[] | null;
  locators: string[] | null;
}

/** Validates and resolves the options of {@link aggregateBySlot}. @internal */
export function resolveSlotOptions(options: AggregateBySlotOptions): ResolvedSlotOptions {
  const slotMinutes = options.slotMinutes ?? 30;
  assertSlotMinutes(slotMinutes);
  const slaMinutes = resolveSlaMinutes(options.slaMinutes);
  const measure = responseClock(options);
  // Validates from / to / asOf like filterLeads; the filters themselves are applied to numbers.
  const { fromMs, toMs, asOfMs, period } = responsePeriod(options);
  const zone = getZone(options.timeZone);
  return {
    slotMinutes,
    slaMinutes,
    clock: options.clock ?? 'wall',
    measure,
    zone,
    period,
    fromMs,
    toMs,
    asOfMs,
    teams: nameList(options.team),
    locators: nameList(options.locator),
  };
}

/** @internal */
export class StreamingSlotAggregator implements SlotAggregator {
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly asOfMs: number;
  private readonly period: boolean;
  private readonly teams: ReadonlySet<string | null> | null;
  private readonly locators: ReadonlySet<string | null> | null;
  private readonly slotMs: number;
  private readonly slots: number;
  private readonly zone: Zone;
  private readonly measure: (createdMs: number, contactMs: number) => number;

  constructor(
    readonly acc: SlotAccumulator,
    options: ResolvedSlotOptions,
  ) {
    this.fromMs = options.fromMs;
    this.toMs = options.toMs;
    this.asOfMs = options.asOfMs;
    this.period = options.period;
    this.teams = options.teams === null ? null : new Set<string | null>(options.teams);
    this.locators = options.locators === null ? null : new Set<string | null>(options.locators);
    this.slotMs = acc.slotMinutes * MS_PER_MINUTE;
    this.slots = acc.slots;
    this.zone = options.zone;
    this.measure = options.measure;
  }

  get count(): number {
    return this.acc.count;
  }

  add(createdMs: number, firstContactMs: number | null, team?: string | null, locator?: string | null): void {
    if (this.period && !(createdMs >= this.fromMs && createdMs < this.toMs && createdMs <= this.asOfMs)) return; // NaN is in no period
    if (this.teams !== null && !this.teams.has(team ?? null)) return;
    if (this.locators !== null && !this.locators.has(locator ?? null)) return;
    if (!Number.isFinite(createdMs)) return;
    const local = this.zone.toLocal(createdMs);
    const dayNumber = Math.floor(local / MS_PER_DAY);
    // Weekday 0 = Monday: day 0 (1970-01-01) was a Thursday.
    const weekday = (((dayNumber + 3) % 7) + 7) % 7;
    const cell = weekday * this.slots + Math.floor((local - dayNumber * MS_PER_DAY) / this.slotMs);
    const contactMs = contactAsOf(firstContactMs ?? null, this.asOfMs);
    if (contactMs === null) this.acc.add(cell, NEVER, 0);
    else if (!(contactMs >= createdMs)) this.acc.add(cell, INVALID, 0);
    else this.acc.add(cell, CONTACTED, this.measure(createdMs, contactMs));
  }

  cells(): HeatmapCell[] {
    return this.acc.cells();
  }
}

/** The counters of a {@link SlotAccumulator}. @internal */
export interface SlotCounts {
  total: Uint32Array;
  contacted: Uint32Array;
  within: Uint32Array;
  never: Uint32Array;
  invalid: Uint32Array;
  count: number;
  /** Per cell, the response minutes of its contacted leads, in parts (their lengths sum to `contacted[cell]`); none for a cell without. */
  minutes: (MinuteParts | undefined)[];
}

/** Response minutes: as whole milliseconds (`Uint32Array`, see {@link SlotAccumulator}) or as minutes (`Float64Array`). @internal */
export type MinuteParts = (Uint32Array | Float64Array)[];

const MS_PER_MINUTE_VALUE = 60_000;
const MAX_UINT32 = 0xffffffff;

/** The first part of a cell's minutes, and the largest: a part grows by doubling, so a cell wastes at most its last part's room. */
const FIRST_PART = 16;
const LARGEST_PART = 1 << 12;

/**
 * The counters behind a heatmap, cell by cell (`weekday × slots + slot`), and the response minutes of
 * contacted leads kept per cell in parts that are never copied, however many pieces of a file are absorbed:
 * the median and p90 need every value. A value is kept as whole milliseconds in 4 bytes while every value so
 * far is one (minutes of the wall clock between timestamps: `ms / 60 000` gives the same number back), else
 * as minutes in 8 bytes (all parts are then widened once). The CSV heatmap fills one from the
 * rows its readers classify; {@link createSlotAggregator} from instants. @internal
 */
export class SlotAccumulator {
  readonly slots: number;
  readonly cellCount: number;
  readonly total: Uint32Array;
  readonly contacted: Uint32Array;
  readonly within: Uint32Array;
  readonly never: Uint32Array;
  readonly invalid: Uint32Array;
  count = 0;
  /** Per cell: its full parts, and the part being filled with how much of it is. */
  private readonly parts: (MinuteParts | undefined)[];
  private readonly open: (Uint32Array | Float64Array | undefined)[];
  private readonly fill: Uint32Array;
  /** Whether the parts hold whole milliseconds (Uint32Array) rather than minutes. */
  private whole = true;

  constructor(
    readonly slotMinutes: number,
    readonly slaMinutes: number,
  ) {
    this.slots = MINUTES_PER_DAY / slotMinutes;
    this.cellCount = 7 * this.slots;
    this.total = new Uint32Array(this.cellCount);
    this.contacted = new Uint32Array(this.cellCount);
    this.within = new Uint32Array(this.cellCount);
    this.never = new Uint32Array(this.cellCount);
    this.invalid = new Uint32Array(this.cellCount);
    // Made per cell when it gets its first value: a 1-minute slot has 10,080 cells, most of them empty in a small file.
    this.parts = new Array(this.cellCount);
    this.open = new Array(this.cellCount);
    this.fill = new Uint32Array(this.cellCount);
  }

  /** Counts a lead in `cell` as contacted (with its response minutes), never contacted or invalid. */
  add(cell: number, status: number, minutes: number): void {
    this.count++;
    this.total[cell]!++;
    if (status === NEVER) {
      this.never[cell]!++;
      return;
    }
    if (status === INVALID) {
      this.invalid[cell]!++;
      return;
    }
    this.contacted[cell]!++;
    if (minutes <= this.slaMinutes) this.within[cell]!++;
    let value = minutes;
    if (this.whole) {
      const ms = Math.round(minutes * MS_PER_MINUTE_VALUE);
      if (ms / MS_PER_MINUTE_VALUE === minutes && ms >= 0 && ms <= MAX_UINT32) value = ms;
      else this.widen();
    }
    let part = this.open[cell];
    let f = this.fill[cell]!;
    if (part === undefined || f === part.length) {
      if (part !== undefined) (this.parts[cell] ??= []).push(part);
      const length = part === undefined ? FIRST_PART : Math.min(LARGEST_PART, part.length * 2);
      part = this.whole ? new Uint32Array(length) : new Float64Array(length);
      this.open[cell] = part;
      f = 0;
    }
    part[f] = value;
    this.fill[cell] = f + 1;
  }

  /** From whole milliseconds to minutes, every part at once (a value that is not whole milliseconds came). */
  private widen(): void {
    this.whole = false;
    for (let c = 0; c < this.cellCount; c++) {
      if (this.contacted[c] === 0) continue;
      this.parts[c] = this.minutesOf(c).map(asMinutes);
      this.open[c] = undefined;
      this.fill[c] = 0;
    }
  }

  /** The minutes of a cell, in parts. */
  private minutesOf(cell: number): MinuteParts {
    const part = this.open[cell];
    const fill = this.fill[cell]!;
    const full = this.parts[cell] ?? [];
    return part === undefined || fill === 0 ? full : [...full, part.subarray(0, fill)];
  }

  /** The counters and minutes (views, to send to another thread). */
  counts(): SlotCounts {
    const { total, contacted, within, never, invalid, count } = this;
    const minutes: (MinuteParts | undefined)[] = new Array(this.cellCount);
    for (let c = 0; c < this.cellCount; c++) if (contacted[c]! > 0) minutes[c] = this.minutesOf(c);
    return { total, contacted, within, never, invalid, count, minutes };
  }

  /** Adds the counters of another accumulator of the same slot length and SLA (a heatmap read in pieces): its parts are kept, not copied. */
  absorb(other: SlotCounts): void {
    // Both kinds of parts in one accumulator only as minutes.
    const otherWhole = other.minutes.every((parts) => parts === undefined || parts.every((part) => part instanceof Uint32Array));
    if (this.whole && !otherWhole) this.widen();
    for (let c = 0; c < this.cellCount; c++) {
      this.total[c]! += other.total[c]!;
      this.contacted[c]! += other.contacted[c]!;
      this.within[c]! += other.within[c]!;
      this.never[c]! += other.never[c]!;
      this.invalid[c]! += other.invalid[c]!;
      const theirs = other.minutes[c];
      if (theirs === undefined || theirs.length === 0) continue;
      this.parts[c] = [...this.minutesOf(c), ...(this.whole ? theirs : theirs.map(asMinutes))];
      this.open[c] = undefined;
      this.fill[c] = 0;
    }
    this.count += other.count;
  }

  /** The heatmap cells: counts, % within SLA, and each cell's median and p90 by selection. */
  cells(): HeatmapCell[] {
    const { cellCount, slots, total, contacted, within, never, invalid } = this;
    let largest = 0;
    for (let c = 0; c < cellCount; c++) largest = Math.max(largest, contacted[c]!);
    // Each cell's parts copied together into one scratch array to select from (quantiles by selection reorder it).
    const scratch = new Float64Array(largest);
    const labels = slotLabels(this.slotMinutes);
    const cells: HeatmapCell[] = [];
    for (let c = 0; c < cellCount; c++) {
      const n = total[c]!;
      if (n === 0) continue;
      let at = 0;
      for (const part of this.minutesOf(c)) {
        if (part instanceof Float64Array) scratch.set(part, at);
        else for (let i = 0; i < part.length; i++) scratch[at + i] = part[i]! / MS_PER_MINUTE_VALUE;
        at += part.length;
      }
      const [medianMinutes, p90Minutes] = selectQuantiles(scratch.subarray(0, at), QUANTILES);
      const weekday = Math.floor(c / slots);
      const slotIndex = c - weekday * slots;
      cells.push({
        day: WEEKDAY_NAMES[weekday]!,
        weekday,
        slot: labels[slotIndex]!,
        slotIndex,
        total: n,
        contacted: contacted[c]!,
        withinSla: within[c]!,
        pctWithinSla: (within[c]! / n) * 100,
        neverContacted: never[c]!,
        invalid: invalid[c]!,
        medianMinutes: medianMinutes ?? null,
        p90Minutes: p90Minutes ?? null,
      });
    }
    return cells;
  }
}

/** A part as minutes (a part of whole milliseconds converted). */
function asMinutes(part: Uint32Array | Float64Array): Float64Array {
  return part instanceof Float64Array ? part : Float64Array.from(part, (ms) => ms / MS_PER_MINUTE_VALUE);
}

/** "HH:MM" of every slot of a day for the slot length. Internal to the response folder. */
export function slotLabels(slotMinutes: number): string[] {
  const labels: string[] = [];
  for (let m = 0; m < MINUTES_PER_DAY; m += slotMinutes) labels.push(formatMinuteOfDay(m));
  return labels;
}

function nameList(names: string | readonly string[] | undefined): string[] | null {
  if (names === undefined) return null;
  return typeof names === 'string' ? [names] : [...names];
}
