import { serve } from '@repo/http';
import { describeStore, openStore } from '@repo/store';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
for (const notice of config.notices) console.warn(`todo-service: ${notice}`);
const store = await openStore(config.store);
console.log(`todo-service: data ${describeStore(config.store)}`);
const app = await createApp({ ...config, store });
serve(app, {
  name: 'todo-service',
  port: config.port,
  host: config.host,
  onClose: () => store.close(),
});
