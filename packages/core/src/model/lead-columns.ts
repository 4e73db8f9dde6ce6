/**
 * Leads held as columns rather than as one `Lead` object per lead: every field of the lead (histories
 * apart) as a column, instants as epoch milliseconds in `Float64Array`s (NaN for none) and texts as
 * arrays of strings shared between rows where the values repeat. A hundred thousand leads then cost a
 * dozen arrays instead of half a million objects and `Date`s, which is what makes the large-export paths
 * (`loadFilesColumnar`, and `needsAttention`, `kpis` given columns) fast and lean.
 *
 * @module
 */
import type { Lead } from './lead.js';
import { instantMsOf, leadIdOf, optionalInstantMsOf } from './lead-instant.js';

/**
 * The fields of `Lead` (histories apart) as columns: row `i` of every column belongs to the same lead.
 * Instants are epoch milliseconds, NaN for none (`null` in `Lead`); texts are `null` for none (`null` or
 * `undefined` in `Lead`). {@link leadAt} turns a row back into a `Lead`.
 *
 * @example
 * ```ts
 * const columns = leadColumnsOf(leads);
 * const appointed = columns.appointmentAt.filter((ms) => !Number.isNaN(ms)).length;
 * ```
 */
export interface LeadColumns {
  /** The number of leads (rows). */
  readonly length: number;
  readonly id: readonly string[];
  readonly name: readonly string[];
  readonly company: readonly (string | null)[];
  readonly locator: readonly (string | null)[];
  readonly team: readonly (string | null)[];
  readonly source: readonly (string | null)[];
  readonly stage: readonly string[];
  /** `createdAt`, epoch ms. */
  readonly createdAt: Float64Array;
  /** `assignedAt`, epoch ms; NaN for none. */
  readonly assignedAt: Float64Array;
  /** `firstContactAt`, epoch ms; NaN for never contacted. */
  readonly firstContactAt: Float64Array;
  /** `appointmentAt`, epoch ms; NaN for not appointed. */
  readonly appointmentAt: Float64Array;
}

/**
 * Collects leads row by row into {@link LeadColumns}; the time columns grow by doubling, so appending
 * allocates nothing per row but what the caller hands in.
 *
 * @example
 * ```ts
 * const builder = new LeadColumnsBuilder();
 * for (const lead of leads) builder.pushLead(lead);
 * const columns = builder.finish();
 * ```
 */
export class LeadColumnsBuilder {
  private size = 0;
  private readonly id: string[] = [];
  private readonly name: string[] = [];
  private readonly company: (string | null)[] = [];
  private readonly locator: (string | null)[] = [];
  private readonly team: (string | null)[] = [];
  private readonly source: (string | null)[] = [];
  private readonly stage: string[] = [];
  private createdAt: Float64Array;
  private assignedAt: Float64Array;
  private firstContactAt: Float64Array;
  private appointmentAt: Float64Array;

  /**
   * `capacity`: how many leads to make room for before the time columns first grow (at least one). Small by default, so that a reader
   * appending a file's leads grows them within its first rows, before it is compiled: first grown at 1,024 leads, in compiled code that
   * did not know the path yet, the compiled leads reader was thrown away there.
   */
  constructor(capacity = 64) {
    const size = Math.max(1, Math.floor(capacity) || 1);
    this.createdAt = new Float64Array(size);
    this.assignedAt = new Float64Array(size);
    this.firstContactAt = new Float64Array(size);
    this.appointmentAt = new Float64Array(size);
  }

  /** The number of leads appended so far (the index the next one gets). */
  get length(): number {
    return this.size;
  }

  /** The ids appended so far (a live view: it grows with the builder). */
  get ids(): readonly string[] {
    return this.id;
  }

  /** `createdAt` of the leads appended so far, epoch ms (a view: take it again after appending). */
  get createdAtMs(): Float64Array {
    return this.createdAt.subarray(0, this.size);
  }

  /** Appends one lead given field by field: instants as epoch ms, NaN for none. */
  push(
    id: string,
    name: string,
    company: string | null,
    locator: string | null,
    team: string | null,
    source: string | null,
    stage: string,
    createdAtMs: number,
    assignedAtMs: number,
    firstContactAtMs: number,
    appointmentAtMs: number,
  ): void {
    const i = this.size;
    if (i === this.createdAt.length) this.grow();
    this.id.push(id);
    this.name.push(name);
    this.company.push(company);
    this.locator.push(locator);
    this.team.push(team);
    this.source.push(source);
    this.stage.push(stage);
    this.createdAt[i] = createdAtMs;
    this.assignedAt[i] = assignedAtMs;
    this.firstContactAt[i] = firstContactAtMs;
    this.appointmentAt[i] = appointmentAtMs;
    this.size = i + 1;
  }

  /**
   * Appends a `Lead` (its histories are not read). Throws a `TypeError` naming the lead and the field when
   * its id is not text or an instant is not a `Date`, a `RangeError` for an Invalid Date.
   */
  pushLead(lead: Lead): void {
    this.push(
      leadIdOf(lead, this.size),
      lead.name,
      lead.company ?? null,
      lead.locator,
      lead.team ?? null,
      lead.source ?? null,
      lead.stage,
      instantMsOf(lead, 'createdAt'),
      optionalInstantMsOf(lead, 'assignedAt'),
      optionalInstantMsOf(lead, 'firstContactAt'),
      optionalInstantMsOf(lead, 'appointmentAt'),
    );
  }

  /** Replaces the stage of lead `i` (a loader filling in a stage from the lead's history). */
  setStage(i: number, stage: string): void {
    this.stage[i] = stage;
  }

  /** Replaces the locator of lead `i` (a loader filling in the locator from the owner history). */
  setLocator(i: number, locator: string | null): void {
    this.locator[i] = locator;
  }

  /** The columns of the leads appended (the builder must not be used afterwards). */
  finish(): LeadColumns {
    const n = this.size;
    return {
      length: n,
      id: this.id,
      name: this.name,
      company: this.company,
      locator: this.locator,
      team: this.team,
      source: this.source,
      stage: this.stage,
      createdAt: this.createdAt.subarray(0, n),
      assignedAt: this.assignedAt.subarray(0, n),
      firstContactAt: this.firstContactAt.subarray(0, n),
      appointmentAt: this.appointmentAt.subarray(0, n),
    };
  }

  private grow(): void {
    const size = this.createdAt.length * 2;
    const grown = (from: Float64Array) => {
      const to = new Float64Array(size);
      to.set(from);
      return to;
    };
    this.createdAt = grown(this.createdAt);
    this.assignedAt = grown(this.assignedAt);
    this.firstContactAt = grown(this.firstContactAt);
    this.appointmentAt = grown(this.appointmentAt);
  }
}

/**
 * The leads as columns (their histories are not read; see `columnarLeadsOf` for leads with histories).
 * Checks each lead cheaply: a `TypeError` (a `RangeError` for an Invalid Date) names the lead and the field
 * of an id that is not text or an instant that is not a valid `Date`.
 *
 * @example
 * ```ts
 * const columns = leadColumnsOf(leads);
 * columns.id[0] === leads[0].id; // true
 * ```
 */
export function leadColumnsOf(leads: readonly Lead[]): LeadColumns {
  // Sized to the leads: the object functions lay out one lead per call (followUp), so no room is kept spare.
  const builder = new LeadColumnsBuilder(leads.length);
  for (const lead of leads) builder.pushLead(lead);
  return builder.finish();
}

/**
 * Lead `i` of the columns as a `Lead`, with an empty `stageHistory` (and no `ownerHistory`): texts that
 * are none read `null`, instants that are none read `null`.
 *
 * @example
 * ```ts
 * const first: Lead = leadAt(columns, 0);
 * ```
 */
export function leadAt(columns: LeadColumns, i: number): Lead {
  if (!(i >= 0 && i < columns.length && Number.isInteger(i)))
    throw new RangeError(`lead index ${i} is out of range (0 to ${columns.length - 1})`);
  return {
    id: columns.id[i]!,
    name: columns.name[i]!,
    company: columns.company[i]!,
    locator: columns.locator[i]!,
    team: columns.team[i]!,
    source: columns.source[i]!,
    stage: columns.stage[i]!,
    createdAt: new Date(columns.createdAt[i]!),
    assignedAt: dateOf(columns.assignedAt[i]!),
    firstContactAt: dateOf(columns.firstContactAt[i]!),
    appointmentAt: dateOf(columns.appointmentAt[i]!),
    stageHistory: [],
  };
}

function dateOf(ms: number): Date | null {
  return ms === ms ? new Date(ms) : null;
}
