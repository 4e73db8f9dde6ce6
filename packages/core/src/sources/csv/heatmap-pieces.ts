import type { AggregateBySlotOptions } from '../../response/heatmap.js';
import type { SlotCounts, StreamingSlotAggregator } from '../../response/slot-aggregator.js';
import { resolveSlotOptions, slotAggregator } from '../../response/slot-aggregator.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import type { DataIssue } from '../source.js';
import type { CsvColumnMapping } from './columns.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import { readFileChunks } from './csv-file-input.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { csvFormat } from './csv-format-options.js';
import type { DateReading } from './date-formats.js';
import { IssueLog } from './file-log.js';
import type { LeadIds } from './lead-ids.js';
import { CompactLeadIds } from './lead-ids.js';
import { IdsOutOfOrder, IncreasingLeadIds, idBefore } from './increasing-lead-ids.js';
import type { IdHashSpill } from './spilled-lead-ids.js';
import { SpilledLeadIds } from './spilled-lead-ids.js';
import type { CsvTableFormat } from './read-csv-table.js';
import { readCsvTable } from './read-csv-table.js';
import { responseRowVisitor } from './read-response-rows.js';

/** What the heatmap of a leads file needs to know: the heatmap's options and how to read the file. @internal */
export interface HeatmapReadOptions extends AggregateBySlotOptions, CsvFormatOptions {
  columns?: CsvColumnMapping;
  /** The timestamp columns' readings, decided from the head of the file (for a piece of it). */
  dates?: Record<string, DateReading>;
}

/** One pass of {@link readHeatmap}: the heatmap, the issues and counts, and where the input ended. @internal */
export interface HeatmapRead {
  heatmap: StreamingSlotAggregator;
  log: IssueLog;
  nextLine: number;
  betweenRecords: boolean;
  headers: string[];
}

/**
 * The heatmap of a leads file in one pass: the rows `readResponseRows` accepts, fed to a slot aggregator. `ids` decides duplicates: every
 * id kept by default; a piece of a large file keeps none (see {@link readHeatmapPiece}). @internal
 */
export async function readHeatmap(
  opened: OpenedCsvInput,
  options: HeatmapReadOptions,
  ids: LeadIds = new CompactLeadIds(),
): Promise<HeatmapRead> {
  const { teams, locators } = resolveSlotOptions(options);
  const heatmap = slotAggregator(options);
  const log = new IssueLog();
  const file = log.file(opened.label);
  const read: HeatmapRead = { heatmap, log, nextLine: 1, betweenRecords: true, headers: [] };
  // Team and locator names are decoded only for a filter that reads them.
  const byTeam = teams !== null;
  const byLocator = locators !== null;
  await readCsvTable(
    opened,
    'leads',
    file,
    {
      columns: options.columns,
      ...csvFormat(options),
      dates: options.dates,
      timeZone: options.timeZone,
      onEnd: (nextLine, betweenRecords) => Object.assign(read, { nextLine, betweenRecords }),
      onFormat: (format) => {
        read.headers = format.headers;
      },
    },
    (columns) =>
      responseRowVisitor(
        columns,
        file,
        options.timeZone,
        (row) => heatmap.add(row.createdAt, row.firstContactAt, byTeam ? row.text('team') : null, byLocator ? row.text('locator') : null),
        ids,
      ),
  );
  return read;
}

/**
 * A file cut into pieces for several threads: piece `k` is the header line (bytes `[0, header)`) then the bytes `[bounds[k], bounds[k +
 * 1])`, read with the format detected once from the head of the file; each thread takes the next piece from the shared counter `next`.
 * `hashing[0]` becomes 1 once a piece's ids are found out of order: from then on each piece writes its ids' keys to the file `piece-k` of
 * the folder `spill.dir` (keys of `spill.bits` bits). @internal
 */
export interface HeatmapPieces {
  path: string;
  label: string;
  header: number;
  bounds: number[];
  options: HeatmapReadOptions;
  next: Int32Array;
  hashing: Int32Array;
  spill: { dir: string; bits: number };
}

/** What a piece gave, as plain data (posted back from a worker thread). @internal */
export interface HeatmapPieceResult {
  issues: DataIssue[];
  rows: number;
  rejected: number;
  nextLine: number;
  betweenRecords: boolean;
  headers: string[];
  /** The number of its lead ids, the first and the last, when they increase (see {@link IncreasingLeadIds}); else null. */
  ids: { count: number; first: string; last: string } | null;
  /** Where the keys of its lead ids are, when they were hashed (see {@link SpilledLeadIds}); else null. */
  spill: IdHashSpill | null;
  slots: SlotCounts;
}

/** Reads the pieces no thread has taken yet, one at a time, handing each result on, until none is left. @internal */
export async function takePieces(work: HeatmapPieces, deliver: (k: number, result: HeatmapPieceResult) => void): Promise<void> {
  for (let k = Atomics.add(work.next, 0, 1); k < work.bounds.length - 1; k = Atomics.add(work.next, 0, 1)) {
    deliver(k, await readHeatmapPiece(work, k));
  }
}

/**
 * Reads piece `k` with {@link readHeatmap}; its data lines are numbered from 2. Its ids are not kept (no memory per row): while no piece has
 * found ids out of order they are only checked to increase (the cheapest check, and exports mostly list ids in order); at the first id out
 * of order, or once another piece found one, the piece is read again with its ids hashed to a file ({@link SpilledLeadIds}).
 */
async function readHeatmapPiece(work: HeatmapPieces, k: number): Promise<HeatmapPieceResult> {
  const { path, label, header, bounds } = work;
  const chunks = () => readFileChunks(path, label, [0, header, bounds[k]!, bounds[k + 1]!]);
  if (Atomics.load(work.hashing, 0) === 0) {
    const ids = new IncreasingLeadIds(work.hashing);
    const read = await readHeatmap({ label, chunks: chunks() }, work.options, ids).catch((error: unknown) => {
      if (!(error instanceof IdsOutOfOrder)) throw error;
      Atomics.store(work.hashing, 0, 1);
      return null;
    });
    if (read !== null) return pieceResult(read, ids.range(), null);
  }
  const ids = await SpilledLeadIds.create(`${work.spill.dir}/piece-${k}`, work.spill.bits);
  const read = await readHeatmap({ label, chunks: chunks() }, work.options, ids).catch((error: unknown) => {
    ids.close();
    throw error;
  });
  return pieceResult(read, null, ids.finish());
}

function pieceResult(read: HeatmapRead, ids: HeatmapPieceResult['ids'], spill: IdHashSpill | null): HeatmapPieceResult {
  const { rows, rejected } = read.log.stats();
  const { issues } = read.log;
  const { nextLine, betweenRecords, headers } = read;
  return { issues, rows, rejected, nextLine, betweenRecords, headers, ids, spill, slots: read.heatmap.acc.counts() };
}

/** The buffers of a piece's result, to transfer rather than copy. @internal */
export function transferList(result: HeatmapPieceResult): ArrayBuffer[] {
  const { total, contacted, within, never, invalid, minutes } = result.slots;
  const arrays = [total, contacted, within, never, invalid, ...minutes.flatMap((parts) => parts ?? [])];
  if (result.spill !== null) arrays.push(result.spill.blocks);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

const LF = 10;
/**
 * The first piece's share beyond the others' (pieces are cut after line feeds): this thread takes it at once, while a worker's first piece waits for its thread to start.
 * One piece per thread: a piece costs more than its rows (its reader warms up again), and a thread that is done takes a piece no worker
 * has started yet.
 */
const FIRST_EXTRA = 0.25;
/** Thrown to stop reading once the header and the format are known. */
const HEADER_READ = Symbol('header read');

/** What the pieces of a file gave, merged: the heatmap, the issues and counts of one pass, and where each piece's id hashes are. @internal */
export interface HeatmapOfPieces {
  heatmap: StreamingSlotAggregator;
  issues: DataIssue[];
  rows: number;
  rejected: number;
  spills: IdHashSpill[];
}

/**
 * The heatmap of a file path read in line-aligned pieces by this thread and `workers` worker threads at once, each piece by
 * {@link readHeatmapPiece} (ids checked to increase, or hashed to a file in the folder `spill.dir`), merged in file order: exactly the one
 * pass of {@link readHeatmap} when no id is repeated (which the spilled keys tell, see heatmap-of-path.ts), or null when only one pass can
 * say what the file holds (a file in UTF-16, bytes that are not text, a quoted value across a boundary, pieces whose ids increase but
 * overlap). The format (encoding, delimiter, each timestamp column's reading) is detected once from the head of the file, as one pass
 * detects it, and every piece is read with it.
 * @internal
 */
export async function readHeatmapInPieces(
  path: string,
  label: string,
  options: HeatmapReadOptions,
  workers: number,
  spill: { dir: string; bits: number },
): Promise<HeatmapOfPieces | null> {
  const { open } = await import('node:fs/promises');
  const file = await open(path, 'r').catch(() => null);
  if (file === null) return null;
  let threads: Thread[] = [];
  try {
    const size = (await file.stat()).size;
    const header = workers < 1 ? -1 : await nextLineStart(file, 0);
    if (header < 0) return null;
    // The workers start now: they load while this thread reads the head of the file.
    threads = await startWorkers(workers);
    const head = await readHead(path, label, options);
    if (head === null || head.format.line !== 1 || head.format.encoding === 'utf-16le' || head.format.encoding === 'utf-16be') return null;
    const { delimiter, encoding, dates } = head.format;
    const forced = { ...options, delimiter, encoding: encoding === 'windows-1252' ? encoding : 'utf-8', dates } as const;
    const bounds = [header];
    for (let k = 1; k <= workers; k++) {
      const at = await nextLineStart(file, header + Math.floor(((size - header) * (k + FIRST_EXTRA)) / (workers + 1 + FIRST_EXTRA)) - 1);
      if (at > bounds[bounds.length - 1]! && at < size) bounds.push(at);
    }
    bounds.push(size);
    if (bounds.length < 3) return null;
    const next = new Int32Array(new SharedArrayBuffer(4));
    const hashing = new Int32Array(new SharedArrayBuffer(4));
    const work: HeatmapPieces = { path, label, header, bounds, options: forced, next, hashing, spill };
    const results: (HeatmapPieceResult | undefined)[] = [];
    const deliver = (k: number, result: HeatmapPieceResult) => {
      results[k] = result;
    };
    const finished = threads.map((thread) => thread(work, deliver));
    await takePieces(work, deliver);
    await Promise.all(finished);
    // The pieces of a worker that stopped are read here, and so again are pieces whose ids increased when another's did not.
    for (let k = 0; k < bounds.length - 1; k++) results[k] ??= await readHeatmapPiece(work, k);
    if (Atomics.load(hashing, 0) !== 0) {
      for (let k = 0; k < bounds.length - 1; k++) if (results[k]!.spill === null) results[k] = await readHeatmapPiece(work, k);
    }
    return merge(results as HeatmapPieceResult[], head.issues, head.format.headers, options);
  } catch {
    return null; // one pass reports what is wrong
  } finally {
    for (const thread of threads) thread.stop();
    await file.close();
  }
}

/**
 * The pieces' results as one pass gives them when no id is repeated (the pieces' ids increase, each piece's after the one before, or their
 * keys, spilled, do not repeat), or null when they may differ from it.
 */
function merge(
  results: HeatmapPieceResult[],
  headIssues: DataIssue[],
  headers: string[],
  options: HeatmapReadOptions,
): HeatmapOfPieces | null {
  const heatmap = slotAggregator(options);
  const log = new IssueLog();
  const keep = (issue: DataIssue) => {
    if (log.count(issue.code, issue.severity)) log.keep(issue);
  };
  headIssues.forEach(keep);
  let rows = 0;
  let rejected = 0;
  let lineShift = 0;
  let lastId: string | null = null;
  for (const [k, result] of results.entries()) {
    // Ids that increase in each piece, and from piece to piece: none is repeated.
    if (result.ids !== null && result.ids.count > 0) {
      if (lastId !== null && !idBefore(lastId, result.ids.first)) return null;
      lastId = result.ids.last;
    }
    if (k < results.length - 1 && !result.betweenRecords) return null;
    if (result.headers.join('\n') !== headers.join('\n')) return null;
    for (const issue of result.issues) {
      // Bytes that are not text: one pass words them per piece of 1 MiB it reads, which the pieces do not cut alike.
      if (issue.code === DATA_ISSUE_CODES.replacedBytes) return null;
      if (issue.line !== undefined && issue.line < 2) continue; // the header's, as the head of the file gave them
      keep(issue.line === undefined ? issue : { ...issue, line: issue.line + lineShift });
    }
    lineShift += result.nextLine - 2;
    rows += result.rows;
    rejected += result.rejected;
    heatmap.acc.absorb(result.slots);
  }
  const spills = results.flatMap((result) => (result.spill === null ? [] : [result.spill]));
  return { heatmap, issues: log.issues, rows, rejected, spills };
}

/** How one pass reads the file (detected from its head, or as the options say), with the issues it reports up to its header. */
async function readHead(path: string, label: string, options: HeatmapReadOptions) {
  const log = new IssueLog();
  const file = log.file(label);
  let head: { format: CsvTableFormat; issues: DataIssue[] } | null = null;
  const opened = { label, chunks: readFileChunks(path, label) };
  const stop = (format: CsvTableFormat) => {
    head = { format, issues: [...log.issues] };
    throw HEADER_READ;
  };
  const tableOptions = { columns: options.columns, ...csvFormat(options), timeZone: options.timeZone, onFormat: stop };
  await readCsvTable(opened, 'leads', file, tableOptions, () => () => undefined).catch((error: unknown) => {
    if (error !== HEADER_READ) throw error;
  });
  return head as { format: CsvTableFormat; issues: DataIssue[] } | null;
}

type Thread = ((work: HeatmapPieces, deliver: (k: number, result: HeatmapPieceResult) => void) => Promise<void>) & { stop(): void };

/**
 * Starts `count` worker threads, when the worker script is built beside this module (not when running from sources): each takes pieces
 * until none is left. A worker that fails leaves its pieces to this thread.
 */
async function startWorkers(count: number): Promise<Thread[]> {
  const url = new URL('./heatmap-worker.js', import.meta.url);
  if (url.protocol !== 'file:') return [];
  const [{ existsSync }, { fileURLToPath }, { Worker }] = await Promise.all([
    import('node:fs'),
    import('node:url'),
    import('node:worker_threads'),
  ]);
  if (!existsSync(fileURLToPath(url))) return [];
  return Array.from({ length: count }, () => {
    const worker = new Worker(url);
    const thread = (work: HeatmapPieces, deliver: (k: number, result: HeatmapPieceResult) => void) =>
      new Promise<void>((resolve) => {
        worker.on('message', (message: { k: number; result: HeatmapPieceResult } | null) => {
          if (message === null) resolve();
          else deliver(message.k, message.result);
        });
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
        try {
          worker.postMessage(work);
        } catch {
          resolve(); // options that cannot be sent (a function): this thread reads every piece
        }
      });
    return Object.assign(thread, { stop: () => void worker.terminate() });
  });
}

/** The offset just after the first line feed at or after `from`, or -1 when none comes within 1 MiB. */
async function nextLineStart(file: import('node:fs/promises').FileHandle, from: number): Promise<number> {
  for (let window = 1 << 12; window <= 1 << 20; window *= 16) {
    const bytes = new Uint8Array(window);
    const { bytesRead } = await file.read(bytes, 0, window, from);
    const lf = bytes.subarray(0, bytesRead).indexOf(LF);
    if (lf >= 0) return from + lf + 1;
    if (bytesRead < window) return -1;
  }
  return -1;
}
