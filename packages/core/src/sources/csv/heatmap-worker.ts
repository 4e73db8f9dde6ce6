// The worker thread of the CSV heatmap: reads one piece of the file (see heatmap-pieces.ts) and posts the
// result back, its typed arrays transferred rather than copied. node:worker_threads is loaded lazily, as
// every Node module of sources/ is (browser-safety.test.ts).
import type { HeatmapPiece } from './heatmap-pieces.js';
import { readHeatmapPiece, transferList } from './heatmap-pieces.js';

void import('node:worker_threads').then(async ({ parentPort, workerData }) => {
  const result = await readHeatmapPiece(workerData as HeatmapPiece);
  parentPort!.postMessage(result, transferList(result));
});
