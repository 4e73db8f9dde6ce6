import type { AggregateBySlotOptions, HeatmapCell } from '../../response/heatmap.js';
import type { ResolvedSlotOptions } from '../../response/slot-aggregator.js';
import { SlotAccumulator, createSlotAggregator, resolveSlotOptions } from '../../response/slot-aggregator.js';
import { csvMessages } from '../messages.js';
import type { DataIssue, LoadStats } from '../source.js';
import { DataQualityError } from '../source.js';
import type { CsvColumnMapping, ResolvedColumns } from './columns.js';
import { DEFAULT_CSV_FILE_NAMES, assertColumnMapping, resolveColumns } from './columns.js';
import type { CsvFileInput } from './csv-file-input.js';
import { openCsvInput } from './csv-file-input.js';
import { CsvReadError } from './csv-read-error.js';
import { CSV_ISSUE_CODES } from './issue-codes.js';
import type { CsvInput } from './parse-csv.js';
import { byteChunks } from './byte-chunks.js';
import { readResponseRows } from './read-response-rows.js';
import type { ChunkLayout, ChunkResult } from './response-file-chunks.js';
import { scanChunk } from './response-file-chunks.js';
import type { ResponseScanConfig } from './response-scan.js';
import { ResponseScanner } from './response-scan.js';
import { Merger } from './response-merger.js';
import type { ResponseWorkerData } from './response-worker.js';

/**
 * Options of {@link aggregateCsvBySlot}: those of `aggregateBySlot`, and how to read the file.
 *
 * @example
 * ```ts
 * const options: AggregateCsvBySlotOptions = { timeZone: 'America/Chicago', bucketMinutes: 60, columns: { leads: { received_time: 'Created Time' } } };
 * ```
 */
export interface AggregateCsvBySlotOptions extends AggregateBySlotOptions {
  /** Header names to read instead of the defaults (only `columns.leads` is used). Default: none. */
  columns?: CsvColumnMapping;
  /** When true, a file with any rejected row throws a {@link DataQualityError} listing the errors. Default `false`. */
  strict?: boolean;
  /** The file's name in issues and stats. Default: the path as given, the input's `label`, or `leads.csv`. */
  label?: string;
  /** The field separator. Default `,`. */
  delimiter?: string;
  /**
   * Worker threads that read a file path alongside the calling thread (Node only; ignored for text and
   * streams). Default: one per available core beyond the first (at most 3) for files of 4 MB or more,
   * otherwise 0. Results do not depend on it.
   */
  workers?: number;
}

/**
 * What {@link aggregateCsvBySlot} returns: the heatmap and the data-quality report of the file.
 *
 * @example
 * ```ts
 * const { cells, issues, stats }: AggregateCsvBySlotResult = await aggregateCsvBySlot('leads.csv', { timeZone: 'UTC' });
 * ```
 */
export interface AggregateCsvBySlotResult {
  /** Exactly `aggregateBySlot(leads, options)` for the leads `loadCsv` would accept from the file. */
  cells: HeatmapCell[];
  /** The issues `readResponseRows` reports for the file, in line order. */
  issues: DataIssue[];
  /** `rows = accepted + rejected`, overall and for the file. */
  stats: LoadStats;
}

let CHUNK_SIZE = 1 << 20;

/** Sets the byte size of the chunks a file is read in (tests use tiny ones to cross every boundary case). @internal */
export function setChunkSizeForTesting(bytes: number): void {
  CHUNK_SIZE = bytes;
}
const PARALLEL_MIN_BYTES = 4 << 20;
const SNIFF_BYTES = 1 << 18;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;

/**
 * The response heatmap of a leads file (a response-time export of millions of rows), read in one pass
 * without building leads: the same cells as `aggregateBySlot` over the leads `loadCsv` accepts, and the
 * same issues and row accounting as `readResponseRows` (every row accepted or reported; duplicate ids
 * across the whole file). Ordinary rows are read straight from the bytes into typed arrays; a file path is
 * split into line-aligned byte ranges read by worker threads as well, and their results are merged in file
 * order, so duplicate ids and line numbers come out as a single pass would give them.
 *
 * Memory does not hold rows: about 22 bytes per row remain (its id and line for the duplicate check, its
 * cell and the response minutes the medians need), plus the bytes of ids that are not plain numbers.
 *
 * Throws like `readResponseRows`: a `CsvColumnError` for a missing column, a `CsvReadError` for an
 * unreadable path, a `RangeError` for a bad option, and in `strict` mode a {@link DataQualityError}.
 *
 * @example
 * ```ts
 * const { cells, issues, stats } = await aggregateCsvBySlot('exports/leads.csv', { timeZone: 'America/Chicago' });
 * console.log(`${stats.accepted} leads, ${issues.length} issues`);
 * ```
 */
export async function aggregateCsvBySlot(input: CsvFileInput, options: AggregateCsvBySlotOptions): Promise<AggregateCsvBySlotResult> {
  const resolved = resolveSlotOptions(options);
  assertColumnMapping(options.columns);
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new RangeError(csvMessages.badDelimiter(delimiter));
  }
  const opened = openCsvInput(input, DEFAULT_CSV_FILE_NAMES.leads, options.label);
  const label = opened.label;

  let run: Run;
  if (delimiter.charCodeAt(0) >= 0x80) {
    // The byte reader splits on ASCII delimiters only, and reads text that UTF-8 can hold unchanged
    // (no lone surrogate); anything else takes the text reader.
    run = await viaRows(input, options, resolved, label);
  } else {
    const config: ResponseScanConfig = {
      label,
      delimiter,
      timeZone: options.timeZone,
      bucketMinutes: resolved.bucketMinutes,
      period: resolved.period,
      fromMs: resolved.fromMs,
      toMs: resolved.toMs,
      asOfMs: resolved.asOfMs,
      teams: resolved.teams,
      locators: resolved.locators,
      mapping: options.columns,
    };
    const path = typeof input === 'string' ? input : 'path' in input ? input.path : undefined;
    run = path === undefined ? await sequential(opened.chunks, config, resolved) : await fromFile(path, label, config, resolved, options.workers);
  }

  const { rows, rejected } = run;
  const stats: LoadStats = { rows, accepted: rows - rejected, rejected, inputs: { [label]: { rows, accepted: rows - rejected, rejected } } };
  if (options.strict) {
    const errors = run.issues.filter((i) => i.severity === 'error');
    if (errors.length > 0) throw new DataQualityError(errors);
  }
  return { cells: run.cells, issues: run.issues, stats };
}

interface Run {
  cells: HeatmapCell[];
  issues: DataIssue[];
  rows: number;
  rejected: number;
}

/** Reads the input from the start in this thread. */
async function sequential(chunks: CsvInput, config: ResponseScanConfig, resolved: ResolvedSlotOptions): Promise<Run> {
  const scanner = new ResponseScanner(config, { boms: 1, measure: resolved.measure });
  const merger = new Merger(new SlotAccumulator(resolved.bucketMinutes, resolved.slaMinutes), config.label, 1024);
  const idColumn = () => scanner.columns?.name.lead_id;
  for await (const bytes of byteChunks(chunks)) {
    scanner.reader.write(bytes);
    merger.merge(scanner.take(), 0, idColumn());
  }
  scanner.reader.end();
  scanner.reportEmptyFile();
  merger.merge(scanner.take(), 0, idColumn());
  return { cells: merger.acc.cells(), issues: merger.issues, rows: merger.rows, rejected: merger.rejected };
}

/** A non-ASCII delimiter: the text reader, row by row. */
async function viaRows(input: CsvFileInput, options: AggregateCsvBySlotOptions, resolved: ResolvedSlotOptions, label: string): Promise<Run> {
  void resolved;
  const heatmap = createSlotAggregator(options);
  const reader = readResponseRows(input, { timeZone: options.timeZone, columns: options.columns, label, delimiter: options.delimiter });
  for await (const row of reader) heatmap.add(row.createdAt, row.firstContactAt, row.team, row.locator);
  const { rows, rejected } = reader.stats;
  return { cells: heatmap.cells(), issues: reader.issues, rows, rejected };
}

/** The header of a file, found in its first bytes, or null when it is not simple enough to find there. */
interface Header {
  fields: string[];
  line: number;
  /** The byte offset of the line after the header. */
  dataStart: number;
  /** Average bytes per line in the sample after the header (to size the id set). */
  bytesPerLine: number;
}

function sniffHeader(bytes: Uint8Array, delimiter: string): Header | null {
  let p = 0;
  // The decoder's byte-order mark, then the parser's.
  for (let i = 0; i < 2 && bytes[p] === 0xef && bytes[p + 1] === 0xbb && bytes[p + 2] === 0xbf; i++) p += 3;
  let line = 1;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for (;;) {
    const lf = bytes.indexOf(LF, p);
    if (lf < 0) return null;
    let end = lf;
    if (end > p && bytes[end - 1] === CR) end--;
    let quoted = false;
    let blank = true;
    for (let i = p; i < end; i++) {
      const c = bytes[i];
      if (c === CR) return null; // a lone CR: leave the file to the sequential reader
      if (c === QUOTE) quoted = true;
      if (c !== SPACE && c !== TAB) blank = false;
    }
    if (blank && !quoted) {
      line++;
      p = lf + 1;
      continue;
    }
    if (quoted) return null;
    const fields: string[] = decoder.decode(bytes.subarray(p, end)).split(delimiter);
    let lines = 0;
    for (let i = lf + 1; i < bytes.length; i++) if (bytes[i] === LF) lines++;
    const sampled = bytes.length - (lf + 1);
    return { fields, line, dataStart: lf + 1, bytesPerLine: lines > 0 ? sampled / lines : 64 };
  }
}

/** A file path: split into chunks read by this thread and worker threads, when the file is large enough. */
async function fromFile(
  path: string,
  label: string,
  config: ResponseScanConfig,
  resolved: ResolvedSlotOptions,
  workersOption: number | undefined,
): Promise<Run> {
  const fs = await import('node:fs');
  let fd: number;
  let size: number;
  try {
    fd = fs.openSync(path, 'r');
    size = fs.fstatSync(fd).size;
  } catch (error) {
    throw new CsvReadError(label, path, error);
  }
  try {
    const sniffed = new Uint8Array(Math.min(size, SNIFF_BYTES));
    try {
      fs.readSync(fd, sniffed, 0, sniffed.length, 0);
    } catch (error) {
      throw new CsvReadError(label, path, error); // a directory, for one
    }
    const header = sniffHeader(sniffed, config.delimiter);
    if (header === null) return await sequentialFile(fs, fd, size, config, resolved);

    const columns = resolveColumns('leads', header.fields, { columns: config.mapping, file: label });
    const chunkConfig: ResponseScanConfig = { ...config, columns };
    const layout: ChunkLayout = {
      dataStart: header.dataStart,
      size,
      chunkSize: CHUNK_SIZE,
      chunks: Math.max(1, Math.ceil((size - header.dataStart) / CHUNK_SIZE)),
    };
    const expectedRows = Math.ceil((size - header.dataStart) / Math.max(8, header.bytesPerLine));
    const acc = new SlotAccumulator(resolved.bucketMinutes, resolved.slaMinutes, Math.min(expectedRows, 1 << 24));
    const merger = new Merger(acc, label, Math.min(expectedRows, 1 << 24));
    // The header's warnings come first.
    for (const { header: name, column } of columns.duplicates) {
      merger.issues.push({
        severity: 'warning',
        code: CSV_ISSUE_CODES.duplicateColumn,
        message: csvMessages.duplicateColumn(name, column),
        file: label,
        line: header.line,
        field: name,
      });
    }

    const workers = await workerCount(workersOption, size, layout.chunks, resolved);
    await readChunks(fs, fd, path, layout, chunkConfig, columns, resolved, merger, header.line + 1, workers);
    return { cells: acc.cells(), issues: merger.issues, rows: merger.rows, rejected: merger.rejected };
  } finally {
    fs.closeSync(fd);
  }
}

/** How many worker threads to start. */
async function workerCount(option: number | undefined, size: number, chunks: number, resolved: ResolvedSlotOptions): Promise<number> {
  // Business-hours minutes need the calendar code, which the workers do not load.
  if (resolved.clock !== 'wall') return 0;
  let wanted = option;
  if (wanted === undefined) {
    if (size < PARALLEL_MIN_BYTES) return 0;
    const os = await import('node:os');
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    wanted = Math.min(3, cores - 1);
  }
  if (!Number.isInteger(wanted) || wanted < 0) throw new RangeError(csvMessages.badWorkers(wanted));
  return Math.min(wanted, chunks - 1);
}

/** The worker script beside this module's built file, or null when running from sources (tests). */
async function workerScript(): Promise<URL | null> {
  const url = new URL('./response-worker.js', import.meta.url);
  if (url.protocol !== 'file:') return null;
  const fs = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  return fs.existsSync(fileURLToPath(url)) ? url : null;
}

type Fs = typeof import('node:fs');

/**
 * Scans the chunks in this thread and `workers` worker threads, all taking chunk numbers from one shared
 * counter, and merges the results in chunk order. A chunk that ends inside a quoted value (a line end in
 * quotes across the boundary) stops the parallel reading: the file is read on from that chunk's start in
 * this thread, so the results are those of a single pass in every case.
 */
async function readChunks(
  fs: Fs,
  fd: number,
  path: string,
  layout: ChunkLayout,
  config: ResponseScanConfig,
  columns: ResolvedColumns<'leads'>,
  resolved: ResolvedSlotOptions,
  merger: Merger,
  firstLine: number,
  workers: number,
): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const script = workers > 0 ? await workerScript() : null;
  const pool: import('node:worker_threads').Worker[] = [];
  const results = new Map<number, ChunkResult>();
  let failure: unknown;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  let running = 0;
  if (script !== null) {
    const { Worker } = await import('node:worker_threads');
    const data: ResponseWorkerData = { path, config, layout, counter };
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(script, { workerData: data });
      running++;
      worker.on('message', (message: ChunkResult | { done: true }) => {
        if ('done' in message) {
          running--;
          void worker.terminate();
        } else results.set(message.index, message);
        notify();
      });
      worker.on('error', (error) => {
        failure ??= error;
        running--;
        notify();
      });
      pool.push(worker);
    }
  }

  const idColumn = columns.name.lead_id;
  const scanner = new ResponseScanner(config, { measure: resolved.measure });
  const scratch = { buffer: new Uint8Array(0) };
  let next = 0; // the next chunk to merge
  let line = firstLine; // the line chunk `next` starts on
  let restartAt = -1; // the byte offset to read on from in this thread, after an unclean chunk
  const mergeReady = (): void => {
    for (;;) {
      const result = results.get(next);
      if (result === undefined) return;
      results.delete(next);
      if (!result.clean) {
        restartAt = result.start;
        Atomics.store(counter, 0, layout.chunks); // the others take no new chunk
        return;
      }
      merger.merge(result.output, line - 1, idColumn);
      line += result.lines;
      next++;
    }
  };

  try {
    while (restartAt < 0) {
      const index = Atomics.add(counter, 0, 1);
      if (index >= layout.chunks) break;
      // Copied only when it may have to wait for a worker's earlier chunk.
      results.set(index, scanChunk(fs, fd, layout, index, scanner, scratch, index !== next));
      mergeReady();
      if (pool.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      if (failure !== undefined) throw failure;
    }
    // Wait for the workers' chunks.
    while (restartAt < 0 && next < layout.chunks) {
      mergeReady();
      if (restartAt >= 0 || next >= layout.chunks) break;
      if (failure !== undefined) throw failure;
      if (running === 0 && !results.has(next)) {
        // A chunk nobody delivered (a worker stopped): read it here.
        results.set(next, scanChunk(fs, fd, layout, next, scanner, scratch, false));
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  } finally {
    for (const worker of pool) void worker.terminate();
  }
  if (failure !== undefined) throw failure;

  if (restartAt >= 0) {
    // A quoted value crosses a chunk boundary: read on in this thread from the start of that chunk.
    const reader = scanner.startPiece(line);
    const piece = new Uint8Array(CHUNK_SIZE);
    for (let position = restartAt; position < layout.size; ) {
      const n = fs.readSync(fd, piece, 0, Math.min(piece.length, layout.size - position), position);
      if (n === 0) break;
      reader.write(piece.slice(0, n));
      position += n;
      merger.merge(scanner.take(), 0, idColumn);
    }
    reader.end();
    merger.merge(scanner.take(), 0, idColumn);
  }
}

/** A file whose header is not in its first bytes, or not on one simple line: read it from the start in this thread. */
async function sequentialFile(fs: Fs, fd: number, size: number, config: ResponseScanConfig, resolved: ResolvedSlotOptions): Promise<Run> {
  async function* pieces(): AsyncGenerator<Uint8Array> {
    const piece = new Uint8Array(CHUNK_SIZE);
    for (let position = 0; position < size; ) {
      const n = fs.readSync(fd, piece, 0, Math.min(piece.length, size - position), position);
      if (n === 0) break;
      yield piece.slice(0, n);
      position += n;
    }
  }
  return sequential(pieces(), config, resolved);
}
