// The worker thread of the CSV heatmap: reads one piece of the file (see heatmap-pieces.ts) and posts
// the result back, its typed arrays transferred rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import type { HeatmapPiece } from './heatmap-pieces.js';
import { readHeatmapPiece, transferList } from './heatmap-pieces.js';

void readHeatmapPiece(workerData as HeatmapPiece).then((result) => parentPort!.postMessage(result, transferList(result)));
