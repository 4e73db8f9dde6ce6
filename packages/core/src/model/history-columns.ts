/**
 * A stage or owner history held as columns rather than `{ stage, at: Date }` objects: per row the lead's
 * index, the instant in epoch milliseconds and an interned value code, grouped per lead and ascending by
 * time within a lead (stable: rows at the same instant keep file order), exactly as `loadFiles` orders a
 * lead's `stageHistory` / `ownerHistory`.
 *
 * @internal
 * @module
 */

/**
 * One history file as columns (see `loadFilesColumnar` (`@panopticon/core/files`)).
 *
 * @example
 * ```ts
 * const stagesOf = (c: HistoryColumns, i: number) => Array.from(c.code.subarray(c.offsets[i], c.offsets[i + 1]), (k) => c.values[k]);
 * ```
 */
export interface HistoryColumns {
  /** Rows of lead `i` are `offsets[i]` (inclusive) to `offsets[i + 1]` (exclusive). */
  offsets: Int32Array;
  /** Instants, epoch milliseconds. */
  at: Float64Array;
  /** Index into `values`, or -1 for a null value (an owner change to nobody). */
  code: Int32Array;
  /** The distinct values. */
  values: string[];
}

/** Empty columns for `leadCount` leads (no history file). @internal */
export function emptyHistoryColumns(leadCount: number): HistoryColumns {
  return { offsets: new Int32Array(leadCount + 1), at: new Float64Array(0), code: new Int32Array(0), values: [] };
}

/** Collects history rows in file order, then groups and sorts them ({@link HistoryColumnsBuilder.finish}). @internal */
export class HistoryColumnsBuilder {
  private lead = new Int32Array(1024);
  private at = new Float64Array(1024);
  private code = new Int32Array(1024);
  private length = 0;
  private readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  private lastValue: string | null = null;
  private lastCode = -1;
  /** Whether the rows so far come grouped by lead in lead order (as exports list them): then grouping moves nothing. */
  private grouped = true;
  private lastLead = 0;

  push(leadIndex: number, atMs: number, value: string | null): void {
    if (this.length === this.lead.length) this.grow();
    let c = -1;
    if (value !== null) {
      if (value === this.lastValue) c = this.lastCode;
      else {
        c = this.codes.get(value) ?? -1;
        if (c < 0) {
          c = this.values.length;
          this.values.push(value);
          this.codes.set(value, c);
        }
        this.lastValue = value;
        this.lastCode = c;
      }
    }
    if (leadIndex < this.lastLead) this.grouped = false;
    this.lastLead = leadIndex;
    const n = this.length++;
    this.lead[n] = leadIndex;
    this.at[n] = atMs;
    this.code[n] = c;
  }

  private grow(): void {
    const size = this.lead.length * 2;
    const lead = new Int32Array(size);
    lead.set(this.lead);
    const at = new Float64Array(size);
    at.set(this.at);
    const code = new Int32Array(size);
    code.set(this.code);
    this.lead = lead;
    this.at = at;
    this.code = code;
  }

  /** Groups the rows per lead (a stable counting sort), then sorts each lead's rows by time (stable). */
  finish(leadCount: number): HistoryColumns {
    const n = this.length;
    const offsets = new Int32Array(leadCount + 1);
    for (let r = 0; r < n; r++) offsets[this.lead[r]! + 1]!++;
    for (let i = 0; i < leadCount; i++) offsets[i + 1]! += offsets[i]!;
    let at: Float64Array;
    let code: Int32Array;
    if (this.grouped) {
      at = this.at.slice(0, n);
      code = this.code.slice(0, n);
    } else {
      const fill = offsets.slice(0, leadCount);
      at = new Float64Array(n);
      code = new Int32Array(n);
      for (let r = 0; r < n; r++) {
        const p = fill[this.lead[r]!]!++;
        at[p] = this.at[r]!;
        code[p] = this.code[r]!;
      }
    }
    for (let i = 0; i < leadCount; i++) {
      const s = offsets[i]!;
      const e = offsets[i + 1]!;
      let sorted = true;
      for (let k = s + 1; k < e; k++) {
        if (at[k]! < at[k - 1]!) {
          sorted = false;
          break;
        }
      }
      if (sorted) continue;
      // Array.prototype.sort is stable: rows at the same instant keep file order, as in loadFiles.
      const order = Array.from({ length: e - s }, (_, k) => s + k).sort((a, b) => at[a]! - at[b]!);
      const times = order.map((p) => at[p]!);
      const codes = order.map((p) => code[p]!);
      at.set(times, s);
      code.set(codes, s);
    }
    return { offsets, at, code, values: this.values };
  }
}

/** The value of lead `i`'s latest row (null for none, or a null value), and whether it has any row. @internal */
export function lastHistoryValue(columns: HistoryColumns, i: number): { found: boolean; value: string | null } {
  const e = columns.offsets[i + 1]!;
  if (e === columns.offsets[i]!) return { found: false, value: null };
  const c = columns.code[e - 1]!;
  return { found: true, value: c < 0 ? null : columns.values[c]! };
}
