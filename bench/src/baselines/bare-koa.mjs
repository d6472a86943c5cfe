// Baseline: a bare Koa 3 + @koa/router app answering each recorded request with the app's own
// bytes: what the framework costs before any of our middleware.
// Usage: node bare-koa.mjs <responses.json> (PORT from the environment).
import { readFileSync } from 'node:fs';
import Koa from 'koa';
import Router from '@koa/router';

const router = new Router();
for (const r of JSON.parse(readFileSync(process.argv[2], 'utf8'))) {
  const body = Buffer.from(r.body, 'base64');
  router[r.method.toLowerCase()](r.path, (ctx) => {
    ctx.status = r.status;
    ctx.type = r.contentType;
    ctx.body = body;
  });
}
new Koa().use(router.routes()).listen(Number(process.env.PORT), '127.0.0.1');
