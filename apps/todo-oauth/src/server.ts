import { serve } from '@repo/http';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
for (const notice of config.notices) console.warn(`todo-oauth: ${notice}`);
const app = await createApp(config);
serve(app, { name: 'todo-oauth', port: config.port });
