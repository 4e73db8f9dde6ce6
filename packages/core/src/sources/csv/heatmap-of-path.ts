import type { StreamingSlotAggregator } from '../../response/slot-aggregator.js';
import type { DataIssue } from '../source.js';
import { CandidateLeadIds } from './candidate-lead-ids.js';
import { readFileChunks } from './csv-file-input.js';
import type { HeatmapRead, HeatmapReadOptions } from './heatmap-pieces.js';
import { readHeatmap, readHeatmapInPieces } from './heatmap-pieces.js';
import { idHashBits } from './id-hash.js';
import { IdsOutOfOrder, IncreasingLeadIds } from './increasing-lead-ids.js';
import { repeatedIdHashes } from './repeated-id-hashes.js';
import type { IdHashSpill } from './spilled-lead-ids.js';
import { IdSpillError, SpilledLeadIds } from './spilled-lead-ids.js';

/** Below this size a file is read in one pass keeping every id (a few MB at most), unless workers are asked for. */
let largeFileBytes = 4 << 20;

/** The size from which a file is read with its ids hashed (default 4 MiB), for tests of small files. @internal */
export function setLargeFileBytesForTesting(bytes: number = 4 << 20): void {
  largeFileBytes = bytes;
}

/** The heatmap of a file, its issues and its counts, as one pass gives them. @internal */
export interface HeatmapOfFile {
  heatmap: StreamingSlotAggregator;
  issues: DataIssue[];
  rows: number;
  rejected: number;
}

/**
 * The heatmap of a large file path with no memory per row, exactly as one pass keeping every id ({@link readHeatmap}) gives it, or null for
 * a file that one such pass should read (a small one: of less than 4 MB and no `workers` asked for; one that cannot be opened; no room for
 * the hashes). How duplicate ids are decided without keeping the ids:
 * 1. the file is read once, in line-aligned pieces by `workers` threads when it can be ({@link readHeatmapInPieces}), else in one pass
 *    (a piece of its own). A piece first only checks that its ids increase (exports mostly list them in order: then none is repeated when
 *    each piece's come after the one before's, and nothing else is needed); once any piece finds an id out of order, every piece is read
 *    with its ids hashed to 60-bit keys written to a temporary folder ({@link SpilledLeadIds});
 * 2. the keys are checked for repeats a partition at a time ({@link repeatedIdHashes}): none (the usual case) means no id is repeated,
 *    and the first reading is exact;
 * 3. else the file is read again in one pass that keeps only the ids whose key repeats ({@link CandidateLeadIds}): a file with duplicate
 *    ids (or, rarely, two ids with one key) is read twice.
 * The folder is removed before this returns, or throws. `workers`: undefined = one per core beyond the first (at most 3) for a large file.
 * @internal
 */
export async function readHeatmapOfPath(
  path: string,
  label: string,
  options: HeatmapReadOptions,
  workers: number | undefined,
): Promise<HeatmapOfFile | null> {
  const { stat, mkdtemp, rm } = await import('node:fs/promises');
  const size = await stat(path).then(
    (stats) => stats.size,
    () => null,
  );
  if (size === null) return null;
  if (workers === undefined) {
    const { availableParallelism } = await import('node:os');
    workers = size < largeFileBytes ? 0 : Math.min(3, availableParallelism() - 1);
  }
  if (workers === 0 && size < largeFileBytes) return null;
  const [{ tmpdir }, { join }] = await Promise.all([import('node:os'), import('node:path')]);
  const dir = await mkdtemp(join(tmpdir(), 'panopticon-ids-')).catch(() => null);
  if (dir === null) return null;
  try {
    const spill = { dir, bits: idHashBits() };
    const first =
      (workers > 0 ? await readHeatmapInPieces(path, label, options, workers, spill) : null) ??
      (await readWhole(path, label, options, spill));
    const repeated = await repeatedIdHashes(first.spills);
    if (repeated === null) return first;
    return ofRead(await readHeatmap({ label, chunks: readFileChunks(path, label) }, options, new CandidateLeadIds(repeated)));
  } catch (error) {
    if (error instanceof IdSpillError) return null;
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * One pass over the whole file (no worker, or pieces that cannot be merged), as a piece is read: its ids checked to increase (then none
 * is repeated), else, from the first id out of order, the file read again with its ids hashed to the file `whole` of the folder.
 */
async function readWhole(
  path: string,
  label: string,
  options: HeatmapReadOptions,
  spill: { dir: string; bits: number },
): Promise<HeatmapOfFile & { spills: IdHashSpill[] }> {
  const increasing = await readHeatmap({ label, chunks: readFileChunks(path, label) }, options, new IncreasingLeadIds()).catch(
    (error: unknown) => {
      if (error instanceof IdsOutOfOrder) return null;
      throw error;
    },
  );
  if (increasing !== null) return { ...ofRead(increasing), spills: [] };
  const ids = await SpilledLeadIds.create(`${spill.dir}/whole`, spill.bits);
  const read = await readHeatmap({ label, chunks: readFileChunks(path, label) }, options, ids).catch((error: unknown) => {
    ids.close();
    throw error;
  });
  return { ...ofRead(read), spills: [ids.finish()] };
}

function ofRead(read: HeatmapRead): HeatmapOfFile {
  const { rows, rejected } = read.log.stats();
  return { heatmap: read.heatmap, issues: read.log.issues, rows, rejected };
}
