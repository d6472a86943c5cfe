import { createLogger, serve } from '@repo/http';
import { describeStore, openStore } from '@repo/store';
import { createApp } from './app';
import { loadConfig, type SportStatsConfig } from './config';
import { connectUpstream } from './connect-upstream';

let config: SportStatsConfig;
try {
  config = loadConfig();
} catch (err) {
  // A bad setting: say which, and stop (the message names variables, never their secret values).
  console.error(`sport-stats: ${(err as Error).message}`);
  process.exit(1);
}
const logger = await createLogger('sport-stats', config);
const upstream = await connectUpstream(config);
console.log(`sport-stats: ${upstream.description}`);
const store = await openStore(config.store);
console.log(`sport-stats: answer cache ${describeStore(config.store)}`);
const app = await createApp({ ...config, store, logger, upstream: upstream.options });
const onClose = () => Promise.all([store.close(), upstream.close()]).then(() => undefined);
serve(app, { ...config, name: 'sport-stats', onClose });
upstream.prepare(); // offline: the bundled upstream starts making its data now
