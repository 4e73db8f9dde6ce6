import type { AggregateBySlotOptions } from '../../response/heatmap.js';
import type { SlotCounts, StreamingSlotAggregator } from '../../response/slot-aggregator.js';
import { resolveSlotOptions, slotAggregator } from '../../response/slot-aggregator.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import type { DataIssue } from '../source.js';
import type { CsvColumnMapping } from './columns.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { csvFormat } from './csv-format-options.js';
import { readFileChunks } from './csv-file-input.js';
import { IssueLog } from './file-log.js';
import { CompactLeadIds } from './lead-ids.js';
import { readCsvTable } from './read-csv-table.js';
import { responseRowVisitor } from './read-response-rows.js';

/** What the heatmap of a leads file needs to know: the heatmap's options and how to read the file. @internal */
export interface HeatmapReadOptions extends AggregateBySlotOptions, CsvFormatOptions {
  columns?: CsvColumnMapping;
}

/** One pass of {@link readHeatmap}: the heatmap, the issues and counts, and where the input ended. @internal */
export interface HeatmapRead {
  heatmap: StreamingSlotAggregator;
  log: IssueLog;
  ids: CompactLeadIds;
  nextLine: number;
  betweenRecords: boolean;
}

/** The heatmap of a leads file in one pass: the rows `readResponseRows` accepts, fed to a slot aggregator. @internal */
export async function readHeatmap(opened: OpenedCsvInput, options: HeatmapReadOptions): Promise<HeatmapRead> {
  const { teams, locators } = resolveSlotOptions(options);
  const heatmap = slotAggregator(options, 1 << 16);
  const log = new IssueLog();
  const file = log.file(opened.label);
  const ids = new CompactLeadIds();
  const read: HeatmapRead = { heatmap, log, ids, nextLine: 1, betweenRecords: true };
  const onEnd = (nextLine: number, betweenRecords: boolean) => Object.assign(read, { nextLine, betweenRecords });
  // Team and locator names are decoded only for a filter that reads them.
  const byTeam = teams !== null;
  const byLocator = locators !== null;
  await readCsvTable(
    opened,
    'leads',
    file,
    { columns: options.columns, ...csvFormat(options), timeZone: options.timeZone, onEnd },
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

/** A piece of a leads file for a worker: the header line (bytes `[0, header)`) then the bytes `[start, end)`. @internal */
export interface HeatmapPiece {
  path: string;
  label: string;
  header: number;
  start: number;
  end: number;
  options: HeatmapReadOptions;
}

/** What a piece gave, as plain data (posted back from a worker thread). @internal */
export interface HeatmapPieceResult {
  issues: DataIssue[];
  rows: number;
  rejected: number;
  nextLine: number;
  betweenRecords: boolean;
  ids: { count: number; first: number; last: number } | null;
  slots: SlotCounts;
}

/** Reads one piece with {@link readHeatmap}; its data lines are numbered from 2. @internal */
export async function readHeatmapPiece(piece: HeatmapPiece): Promise<HeatmapPieceResult> {
  const read = await readHeatmap(
    { label: piece.label, chunks: readFileChunks(piece.path, piece.label, [0, piece.header, piece.start, piece.end]) },
    piece.options,
  );
  const { rows, rejected } = read.log.stats();
  const { issues } = read.log;
  const { nextLine, betweenRecords } = read;
  return { issues, rows, rejected, nextLine, betweenRecords, ids: read.ids.increasingRange(), slots: read.heatmap.acc.counts() };
}

/** The buffers of a piece's result, to transfer rather than copy. @internal */
export function transferList(result: HeatmapPieceResult): ArrayBuffer[] {
  const { total, contacted, within, never, invalid, rowCell, rowMinutes } = result.slots;
  return [...new Set([total, contacted, within, never, invalid, rowCell, rowMinutes].map((a) => a.buffer as ArrayBuffer))];
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** The share of the file this thread reads beyond a worker's: a worker's piece waits for its thread to start. */
const MAIN_EXTRA = 0.25;
/** Issues that say a piece was not read as plain UTF-8, commas and ISO timestamps. */
const NOT_PLAIN: ReadonlySet<string> = new Set([
  DATA_ISSUE_CODES.encodingDetected,
  DATA_ISSUE_CODES.replacedBytes,
  DATA_ISSUE_CODES.delimiterDetected,
  DATA_ISSUE_CODES.dateFormat,
]);
/** Below this size a file is read in one pass, unless workers are asked for. */
const PARALLEL_MIN_BYTES = 4 << 20;

/**
 * The heatmap of a file path read in `workers + 1` line-aligned byte ranges at once, the first in this thread and the others in worker
 * threads, each by {@link readHeatmap}, and merged in file order. @internal
 */
export async function readHeatmapInPieces(
  path: string,
  label: string,
  options: HeatmapReadOptions,
  workers: number | undefined,
): Promise<{ heatmap: StreamingSlotAggregator; issues: DataIssue[]; rows: number; rejected: number } | null> {
  // Pieces are cut at line-feed bytes and each detects its own format: only a plain file (UTF-8, commas, ISO
  // timestamps) reads the same in pieces, so anything else (or a forced format) is read in one pass.
  if (options.encoding !== undefined && options.encoding !== 'auto' && options.encoding !== 'utf-8') return null;
  if (options.delimiter !== undefined && options.delimiter !== ',') return null;
  if (options.dateFormat !== undefined && options.dateFormat !== 'auto') return null;
  const { open } = await import('node:fs/promises');
  let bounds: number[];
  let header: number;
  const file = await open(path, 'r').catch(() => null);
  if (file === null) return null;
  try {
    const size = (await file.stat()).size;
    if (workers === undefined) {
      const os = await import('node:os');
      workers = size < PARALLEL_MIN_BYTES ? 0 : Math.min(3, os.availableParallelism() - 1);
    }
    if (workers < 1) return null;
    header = await nextLineStart(file, 0);
    if (header < 0) return null;
    const first = new Uint8Array(header);
    await file.read(first, 0, header, 0);
    const cr = first.indexOf(CR);
    if (
      first[0] === 0xef ||
      first[0] === 0xfe ||
      first[0] === 0xff ||
      first.includes(QUOTE) ||
      (cr >= 0 && cr !== header - 2) ||
      new TextDecoder().decode(first).trim() === ''
    )
      return null;
    bounds = [header];
    for (let k = 1; k <= workers; k++) {
      const at = await nextLineStart(file, header + Math.floor(((size - header) * (k + MAIN_EXTRA)) / (workers + 1 + MAIN_EXTRA)) - 1);
      if (at > bounds[bounds.length - 1]! && at < size) bounds.push(at);
    }
    bounds.push(size);
  } finally {
    await file.close();
  }
  if (bounds.length < 3) return null;

  const pieces = bounds.slice(0, -1).map((start, k) => ({ path, label, header, start, end: bounds[k + 1]!, options }));
  const inWorker = await workerRunner();
  let results: HeatmapPieceResult[];
  try {
    results = await Promise.all(pieces.map((piece, k) => (k === 0 || inWorker === null ? readHeatmapPiece(piece) : inWorker(piece))));
  } catch {
    return null; // a worker failed (or the options cannot be sent): one pass reports what is wrong
  }

  const heatmap = slotAggregator(options, 16);
  const issues: DataIssue[] = [];
  let rows = 0;
  let rejected = 0;
  let lineShift = 0;
  let lastId = -1;
  for (const [k, result] of results.entries()) {
    if (result.ids === null || (result.ids.count > 0 && result.ids.first <= lastId)) return null;
    if (k < results.length - 1 && !result.betweenRecords) return null;
    if (result.ids.count > 0) lastId = result.ids.last;
    for (const issue of result.issues) {
      if (NOT_PLAIN.has(issue.code)) return null; // a detected format: each piece may have read it differently
      if (k > 0 && issue.line !== undefined && issue.line < 2) continue; // the header's, reported by the first piece
      // A duplicate's message names the line of the first row, which only the whole file knows.
      if (k > 0 && issue.code === DATA_ISSUE_CODES.duplicateId) return null;
      issues.push(issue.line === undefined ? issue : { ...issue, line: issue.line + lineShift });
    }
    lineShift += result.nextLine - 2;
    rows += result.rows;
    rejected += result.rejected;
    heatmap.acc.absorb(result.slots);
  }
  return { heatmap, issues, rows, rejected };
}

/** Starts a worker thread per piece, when the worker script is built beside this module (not when running from sources). */
async function workerRunner(): Promise<((piece: HeatmapPiece) => Promise<HeatmapPieceResult>) | null> {
  const url = new URL('./heatmap-worker.js', import.meta.url);
  if (url.protocol !== 'file:') return null;
  const [{ existsSync }, { fileURLToPath }, { Worker }] = await Promise.all([
    import('node:fs'),
    import('node:url'),
    import('node:worker_threads'),
  ]);
  if (!existsSync(fileURLToPath(url))) return null;
  return (piece) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(url, { workerData: piece });
      worker.once('message', (result: HeatmapPieceResult) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('heatmap worker stopped')));
    });
}

/** The offset just after the first line feed at or after `from`, or -1 when none comes within 1 MiB. */
async function nextLineStart(file: import('node:fs/promises').FileHandle, from: number): Promise<number> {
  const window = new Uint8Array(1 << 20);
  const { bytesRead } = await file.read(window, 0, window.length, from);
  const lf = window.subarray(0, bytesRead).indexOf(LF);
  return lf < 0 ? -1 : from + lf + 1;
}
