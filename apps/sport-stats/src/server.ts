import { serve } from '@repo/http';
import { describeStore, openStore } from '@repo/store';
import { createApp } from './app';
import { describeUpstream, loadConfig, type SportStatsConfig } from './config';

let config: SportStatsConfig;
try {
  config = loadConfig();
} catch (err) {
  // A bad setting: say which, and stop (the message names variables, never their secret values).
  console.error(`sport-stats: ${(err as Error).message}`);
  process.exit(1);
}
console.log(`sport-stats: ${describeUpstream(config.upstream)}`);
const store = await openStore(config.store);
console.log(`sport-stats: answer cache ${describeStore(config.store)}`);
const app = await createApp({ ...config, store });
serve(app, { name: 'sport-stats', port: config.port, onClose: () => store.close() });
