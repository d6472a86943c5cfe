import { serve } from '@repo/http';
import { createApp } from './app';
import { loadConfig } from './config';

const config = loadConfig();
const app = await createApp(config);
serve(app, { name: 'wordbook', port: config.port });
