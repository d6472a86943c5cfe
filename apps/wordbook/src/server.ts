import { createLogger, serve } from '@repo/http';
import { describeStore, exitOnFatal, openStore } from '@repo/store';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const logger = await createLogger('wordbook', config);
const store = await openStore(config.store, { onFatal: exitOnFatal('wordbook') });
console.log(`wordbook: data ${describeStore(config.store)}`);
const app = await createApp({ ...config, store, logger });
serve(app, { ...config, name: 'wordbook', onClose: () => store.close() });
