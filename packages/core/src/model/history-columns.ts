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

/** Rows per piece of {@link HistoryColumnsBuilder}: its columns grow by a piece, so no row is copied until `finish`. */
const PIECE_ROWS = 1 << 16;
/**
 * Rows of the first piece. The first piece is added by the first row, before V8 records what `pushCode` does: with every piece full-size
 * the next one came at row 65,536, in compiled code that did not know the path, and the compiled history reader was thrown away there.
 */
const FIRST_PIECE_ROWS = 1 << 6;

/** Collects history rows in file order, then groups and sorts them ({@link HistoryColumnsBuilder.finish}). @internal */
export class HistoryColumnsBuilder {
  // The rows in pieces of PIECE_ROWS (the first one smaller), the last one being filled: growing by doubling copied every row about
  // once more and left up to half of the last arrays unused (at a million leads, five million rows, the copies
  // and their fresh pages cost ~0.5 s); `finish` copies each row once, into columns of the exact length.
  private readonly pieces: { lead: Int32Array; at: Float64Array; code: Int32Array }[] = [];
  private lead = new Int32Array(0);
  private at = new Float64Array(0);
  private code = new Int32Array(0);
  /** Rows in the last piece. */
  private filled = 0;
  private length = 0;
  private readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  private lastValue: string | null = null;
  private lastCode = -1;
  /** Whether the rows so far come grouped by lead in lead order (as exports list them): then grouping moves nothing. */
  private grouped = true;
  private lastLead = 0;

  /** `pieceRows`: rows per piece (tests use tiny ones to cross piece boundaries). */
  constructor(private readonly pieceRows = PIECE_ROWS) {}

  push(leadIndex: number, atMs: number, value: string | null): void {
    let c = -1;
    if (value !== null) {
      if (value === this.lastValue) c = this.lastCode;
      else {
        c = this.codeOf(value);
        this.lastValue = value;
        this.lastCode = c;
      }
    }
    this.pushCode(leadIndex, atMs, c);
  }

  /** The code of `value` in the finished columns' `values` (a reader that numbers its values asks once per value, then {@link pushCode}). */
  codeOf(value: string): number {
    let c = this.codes.get(value) ?? -1;
    if (c < 0) {
      c = this.values.length;
      this.values.push(value);
      this.codes.set(value, c);
    }
    return c;
  }

  /** {@link push} with the value's code from {@link codeOf} (-1 for a null value). */
  pushCode(leadIndex: number, atMs: number, c: number): void {
    if (this.filled === this.lead.length) this.addPiece();
    if (leadIndex < this.lastLead) this.grouped = false;
    this.lastLead = leadIndex;
    const n = this.filled++;
    this.length++;
    this.lead[n] = leadIndex;
    this.at[n] = atMs;
    this.code[n] = c;
  }

  private addPiece(): void {
    const rows = this.pieces.length === 0 ? Math.min(FIRST_PIECE_ROWS, this.pieceRows) : this.pieceRows;
    this.lead = new Int32Array(rows);
    this.at = new Float64Array(rows);
    this.code = new Int32Array(rows);
    this.filled = 0;
    this.pieces.push({ lead: this.lead, at: this.at, code: this.code });
  }

  /** The pieces with the number of rows each holds. */
  private filledPieces(): { lead: Int32Array; at: Float64Array; code: Int32Array; rows: number }[] {
    // Every piece but the last is full.
    return this.pieces.map((piece, k) => ({ ...piece, rows: k === this.pieces.length - 1 ? this.filled : piece.lead.length }));
  }

  /**
   * Groups the rows per lead (a stable counting sort), then sorts each lead's rows by time (stable). Each pass is a function of its own:
   * run once per file, its loops start in unoptimized code and are compiled while they run, and a compiled loop that ran on into the
   * next pass's code (never run, so with nothing known about it) was thrown away there, five times per file.
   */
  finish(leadCount: number): HistoryColumns {
    const n = this.length;
    const pieces = this.filledPieces();
    const offsets = new Int32Array(leadCount + 1);
    for (const piece of pieces) countRows(piece.lead, piece.rows, offsets);
    prefixSums(offsets, leadCount);
    const at = new Float64Array(n);
    const code = new Int32Array(n);
    if (this.grouped) {
      let p = 0;
      for (const piece of pieces) {
        at.set(piece.at.subarray(0, piece.rows), p);
        code.set(piece.code.subarray(0, piece.rows), p);
        p += piece.rows;
      }
    } else {
      const fill = offsets.slice(0, leadCount);
      for (const piece of pieces) scatterRows(piece, fill, at, code);
    }
    sortEachLead(offsets, leadCount, at, code);
    return { offsets, at, code, values: this.values };
  }
}

/** Counts the rows of each lead into `offsets[lead + 1]`. */
function countRows(lead: Int32Array, rows: number, offsets: Int32Array): void {
  for (let r = 0; r < rows; r++) offsets[lead[r]! + 1]!++;
}

/** Turns the counts into where each lead's rows start. */
function prefixSums(offsets: Int32Array, leadCount: number): void {
  for (let i = 0; i < leadCount; i++) offsets[i + 1]! += offsets[i]!;
}

/** Moves a piece's rows to their lead's next free place (`fill`), in file order. */
function scatterRows(
  piece: { lead: Int32Array; at: Float64Array; code: Int32Array; rows: number },
  fill: Int32Array,
  at: Float64Array,
  code: Int32Array,
): void {
  for (let r = 0; r < piece.rows; r++) {
    const p = fill[piece.lead[r]!]!++;
    at[p] = piece.at[r]!;
    code[p] = piece.code[r]!;
  }
}

/**
 * Sorts each lead's rows by time where they are not in order already. The leads to sort are noted in one pass and sorted after it: a call
 * in the pass made only for the first lead out of order (rows late in the file, say) was compiled as never made, and threw the compiled
 * pass away there.
 */
function sortEachLead(offsets: Int32Array, leadCount: number, at: Float64Array, code: Int32Array): void {
  const unsorted = new Int32Array(leadCount);
  let count = 0;
  for (let i = 0; i < leadCount; i++) {
    const s = offsets[i]!;
    const e = offsets[i + 1]!;
    let sorted = 1;
    for (let k = s + 1; k < e; k++) {
      if (at[k]! < at[k - 1]!) {
        sorted = 0;
        break;
      }
    }
    unsorted[count] = i;
    count += 1 - sorted;
  }
  for (let k = 0; k < count; k++) {
    const i = unsorted[k]!;
    sortRows(offsets[i]!, offsets[i + 1]!, at, code);
  }
}

/** Sorts rows `[s, e)` by time, stably: rows at the same instant keep file order, as in loadFiles. */
function sortRows(s: number, e: number, at: Float64Array, code: Int32Array): void {
  // Array.prototype.sort is stable.
  const order = Array.from({ length: e - s }, (_, k) => s + k).sort((a, b) => at[a]! - at[b]!);
  const times = order.map((p) => at[p]!);
  const codes = order.map((p) => code[p]!);
  at.set(times, s);
  code.set(codes, s);
}

/** The value of lead `i`'s latest row (null for none, or a null value), and whether it has any row. @internal */
export function lastHistoryValue(columns: HistoryColumns, i: number): { found: boolean; value: string | null } {
  const e = columns.offsets[i + 1]!;
  if (e === columns.offsets[i]!) return { found: false, value: null };
  const c = columns.code[e - 1]!;
  return { found: true, value: c < 0 ? null : columns.values[c]! };
}
