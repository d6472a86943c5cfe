import { defineConfig, type Options } from 'tsup';
import shared from '../../tsup.app.config';

// The build every app shares, with one more entry: a worker thread starts from a file, so the
// thread that makes the offline dataset gets `dist/dataset-worker.js`, beside the chunks that
// start it (src/fake-upstream/build-in-worker.ts). Shared code still goes into common chunks.
export default defineConfig({
  ...(shared as Options),
  entry: { server: 'src/server.ts', 'dataset-worker': 'src/fake-upstream/dataset-worker.ts' },
});
