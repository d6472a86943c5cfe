import { createLogger, serve } from '@repo/http';
import { describeStore, exitOnFatal, openStore } from '@repo/store';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const logger = await createLogger('todo-service', config);
for (const notice of config.notices) console.warn(`todo-service: ${notice}`);
const store = await openStore(config.store, { onFatal: exitOnFatal('todo-service') });
console.log(`todo-service: data ${describeStore(config.store)}`);
const app = await createApp({ ...config, store, logger });
serve(app, { ...config, name: 'todo-service', onClose: () => store.close() });
