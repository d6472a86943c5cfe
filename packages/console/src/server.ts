import { createLogger, serve } from '@repo/http';
import { createApp } from './app';
import { loadConfig } from './config';
import { KNOWN_PLUGINS } from './known-plugins';

const config = loadConfig();
const logger = await createLogger('console', config);
const app = createApp({ plugins: KNOWN_PLUGINS, logger });
serve(app, { ...config, name: 'console' });
