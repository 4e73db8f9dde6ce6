// The worker thread of the CSV heatmap: takes pieces of the file (see heatmap-pieces.ts) until none is left,
// posting each result back with its typed arrays transferred rather than copied, then null. It is started
// before the pieces are known, so it loads while the calling thread reads the head of the file.
// node:worker_threads is loaded lazily, as every Node module of sources/ is (browser-safety.test.ts).
import type { HeatmapPieces } from './heatmap-pieces.js';
import { takePieces, transferList } from './heatmap-pieces.js';

void import('node:worker_threads').then(({ parentPort }) => {
  parentPort!.once('message', async (work: HeatmapPieces) => {
    await takePieces(work, (k, result) => parentPort!.postMessage({ k, result }, transferList(result)));
    parentPort!.postMessage(null);
  });
});
