import { createLogger, serve } from '@repo/http';
import { describeStore, exitOnFatal, openStore } from '@repo/store';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const logger = await createLogger('todo-noauth', config);
const store = await openStore(config.store, { onFatal: exitOnFatal('todo-noauth') });
console.log(`todo-noauth: data ${describeStore(config.store)}`);
const app = await createApp({ ...config, store, logger });
serve(app, { ...config, name: 'todo-noauth', onClose: () => store.close() });
