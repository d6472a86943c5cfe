import { serve } from '@repo/http';
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
const upstream = await connectUpstream(config);
console.log(`sport-stats: ${upstream.description}`);
const app = await createApp({ ...config, upstream: upstream.options });
serve(app, { name: 'sport-stats', port: config.port });
