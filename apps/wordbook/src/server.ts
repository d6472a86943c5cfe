import { serve } from '@repo/http';
import { describeStore, exitOnFatal, openStore } from '@repo/store';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const store = await openStore(config.store, { onFatal: exitOnFatal('wordbook') });
console.log(`wordbook: data ${describeStore(config.store)}`);
const app = await createApp({ ...config, store });
serve(app, { name: 'wordbook', port: config.port, onClose: () => store.close() });
