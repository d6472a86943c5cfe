import { Worker } from 'node:worker_threads';
import { assemble, dataset } from './dataset';
import type { Dataset, DatasetParts } from './dataset-types';

const here = import.meta.url;
const fromSource = new URL(here).pathname.endsWith('.ts');

function startWorker(): Worker {
  // Built (dist/), the entry is a file of its own beside every chunk: the app's tsup.config.ts.
  if (!fromSource) {
    return new Worker(new URL('./dataset-worker.js', here));
  }
  // From source (tsx, vitest) the entry is TypeScript, which a worker's own loader cannot read
  // (it gets no hooks from its parent, and on Node 20 `execArgv: ['--import', 'tsx']` gave it
  // none either): the worker registers tsx first. tsx is a dev dependency, as running from
  // source is.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./dataset-worker.ts', here).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

/**
 * The offline server's data. The built server (`dist/`, what ships and what the bench measures)
 * makes it in a worker thread, to keep its memory down. From source (`pnpm dev`, the tests) it is
 * made in this thread: a worker would first have tsx compile the dataset's code again, which took
 * seconds on a loaded machine, longer than the plugin waits for its upstream (a CI run's first
 * offline call answered 504).
 */
export function makeOfflineDataset(): Promise<Dataset> {
  return fromSource ? Promise.resolve().then(dataset) : buildDatasetInWorker();
}

/**
 * Builds the dataset in a worker thread and resolves with it once that thread has ended, so its
 * heap is gone; rejects if the thread fails. The same data as `buildDataset()`, id for id.
 */
export function buildDatasetInWorker(): Promise<Dataset> {
  return new Promise((resolve, reject) => {
    let parts: DatasetParts | undefined;
    const worker = startWorker();
    worker.once('message', (message: DatasetParts) => (parts = message));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (parts) resolve(assemble(parts));
      else reject(new Error(`the dataset worker ended (exit code ${code}) without the dataset`));
    });
  });
}
