// A server for serve.test.ts: `serve()` over an app whose `/slow` answers after `SLOW_MS`, and
// whose `onClose` prints a line, so the test can see the order of events.
import Koa from 'koa';
import { serve } from '../src/serve';

const app = new Koa();
app.use(async (ctx) => {
  if (ctx.path === '/slow')
    await new Promise((resolve) => setTimeout(resolve, Number(process.env.SLOW_MS)));
  ctx.body = { path: ctx.path };
});
serve(app, {
  name: 'slow',
  port: 0,
  host: '127.0.0.1',
  graceMs: Number(process.env.GRACE_MS),
  onClose: async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    console.log('store closed');
  },
});
