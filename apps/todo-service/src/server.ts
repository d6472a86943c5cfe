import { serve } from '@repo/http';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
for (const notice of config.notices) console.warn(`todo-service: ${notice}`);
const app = await createApp(config);
serve(app, { name: 'todo-service', port: config.port });
