/**
 * The worker thread of `aggregateCsvBySlot`: takes chunk numbers from a shared counter until none are
 * left, scans each chunk of the file and posts the results back without copying them. It loads only the
 * byte reader and the time code (no schema library), so it starts in a few milliseconds.
 * @internal
 * @module
 */
import type { ChunkLayout } from './response-file-chunks.js';
import { chunkScanner, scanChunk, transferList } from './response-file-chunks.js';
import type { ResponseScanConfig } from './response-scan.js';

/** What the calling thread gives each worker. @internal */
export interface ResponseWorkerData {
  path: string;
  config: ResponseScanConfig;
  layout: ChunkLayout;
  /** An Int32Array over a SharedArrayBuffer: the next chunk to take. */
  counter: Int32Array;
}

async function run(): Promise<void> {
  const { parentPort, workerData } = await import('node:worker_threads');
  const fs = await import('node:fs');
  const { path, config, layout, counter } = workerData as ResponseWorkerData;
  const fd = fs.openSync(path, 'r');
  const scanner = chunkScanner(config);
  const scratch = { buffer: new Uint8Array(0) };
  try {
    for (;;) {
      const index = Atomics.add(counter, 0, 1);
      if (index >= layout.chunks) break;
      const result = scanChunk(fs, fd, layout, index, scanner, scratch, true);
      parentPort!.postMessage(result, transferList(result.output));
    }
  } finally {
    fs.closeSync(fd);
  }
  parentPort!.postMessage({ done: true });
}

run().catch((error: unknown) => {
  // Reported to the calling thread as the worker's 'error' event.
  throw error;
});
