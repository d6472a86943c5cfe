import { parentPort } from 'node:worker_threads';
import { buildParts } from './dataset';

// The entry of the thread `buildDatasetInWorker()` starts (build-in-worker.ts): it makes the
// dataset, sends it, the byte columns moved rather than copied, and ends. Making it fills a heap
// with garbage and grows its young generation; this way that heap is this thread's and goes with
// it, and the plugin's own heap only receives the result.
const parts = buildParts();
const { cells, players, games } = parts.columns;
parentPort!.postMessage(parts, [cells.buffer, players.buffer, games.buffer]);
