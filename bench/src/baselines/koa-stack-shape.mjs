// Baseline: bare Koa 3 + @koa/router with the shape of todo-noauth's stack and none of its work:
// the same layers in the same order (errors, not found, CORS, two plugin files, auth, body, the
// router, its allowedMethods, a check before the handler), each passing the request on, the
// CORS layer's `Vary: Origin`, and the list answered as an object Koa serialises. Its ratio to
// bare Koa is what that shape costs before any validation, store or header of ours.
// Usage: node koa-stack-shape.mjs (PORT from the environment); answers GET /todos/:username.
import Koa from 'koa';
import Router from '@koa/router';

const todos = Array.from({ length: 10 }, (_, i) => `Todo number ${i}`);
const app = new Koa();
app.use(async function errors(ctx, next) {
  try {
    await next();
  } catch (err) {
    ctx.status = err.status ?? 500;
    ctx.body = { error: err.message };
  }
});
app.use(async function notFound(ctx, next) {
  await next();
  if (ctx.status === 404 && ctx.body === undefined) ctx.throw(404, 'no such route');
});
app.use(async function cors(ctx, next) {
  ctx.vary('Origin');
  await next();
});
for (const name of ['manifest', 'spec', 'auth', 'body']) {
  app.use({ [name]: async (ctx, next) => next() }[name]);
}
const router = new Router();
router.get(
  '/todos/:username',
  async function check(ctx, next) {
    await next();
  },
  async function getTodos(ctx) {
    ctx.body = { todos: await Promise.resolve(todos.slice()) };
  },
);
app.use(router.routes());
app.use(router.allowedMethods());
app.listen(Number(process.env.PORT), '127.0.0.1');
