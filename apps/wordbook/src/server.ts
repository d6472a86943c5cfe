import { serve } from '@repo/http';
import { describeStore, openStore } from '@repo/store';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const store = await openStore(config.store);
console.log(`wordbook: data ${describeStore(config.store)}`);
const app = await createApp({ ...config, store });
serve(app, {
  name: 'wordbook',
  port: config.port,
  host: config.host,
  onClose: () => store.close(),
});
