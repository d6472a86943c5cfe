import Router, { type RouterContext } from '@koa/router';
import { fetchFile } from '@repo/plugin-cli';
import { callMcp, callRest } from './call-plugin';
import type { KnownPlugin } from './known-plugins';
import { SignIns } from './oauth-sign-in';
import type { OriginGuard } from './origin-guard';
import { errorPage, homePage, pluginPage } from './pages';
import { readPlugin } from './read-plugin';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = (value: unknown, field: string, ctx: RouterContext): string => {
  ctx.assert(
    typeof value === 'string' && value !== '',
    400,
    `\`${field}\` must be a non-empty string`,
  );
  return value;
};

export interface RouteOptions {
  plugins: KnownPlugin[];
  guard: OriginGuard;
  /** The loopback callback of the MCP sign-in. */
  mcpRedirectUri: string;
}

/** The console's pages (`/`, `/plugin`) and the API the page's script calls (`/api/*`). */
export function consoleRoutes({ plugins, guard, mcpRedirectUri }: RouteOptions) {
  const router = new Router();
  const signIns = new SignIns();
  const knownAt = (url: string) =>
    plugins.find((p) => new URL(p.url).origin === new URL(url).origin);

  router.get('/', async (ctx: RouterContext) => {
    const statuses = await Promise.all(
      plugins.map(async (plugin) => {
        const file = await fetchFile(new URL('/.well-known/ai-plugin.json', plugin.url).href);
        if (!file.bytes) return { ...plugin, error: 'not running' };
        try {
          return {
            ...plugin,
            title: String(JSON.parse(file.bytes.toString('utf8')).name_for_human),
          };
        } catch {
          return { ...plugin, error: 'its manifest is not JSON' };
        }
      }),
    );
    ctx.type = 'html';
    ctx.body = homePage(statuses).text;
  });

  // The only way a non-loopback origin becomes readable: a person typed it on the first page.
  router.post('/plugins', (ctx: RouterContext) => {
    const url = text((ctx.request.body as Json)?.url, 'url', ctx);
    guard.allowTyped(url);
    ctx.redirect(`/plugin?url=${encodeURIComponent(url)}`);
  });

  router.get('/plugin', async (ctx: RouterContext) => {
    const url = text(ctx.query.url, 'url', ctx);
    ctx.type = 'html';
    try {
      ctx.body = pluginPage(await readPlugin(url, guard), knownAt(url)).text;
    } catch (err) {
      ctx.status = (err as { status?: number }).status ?? 400;
      ctx.body = errorPage((err as Error).message).text;
    }
  });

  router.post('/api/call', async (ctx: RouterContext) => {
    const body = (ctx.request.body ?? {}) as Json;
    const params = body.params ?? {};
    ctx.assert(
      typeof params === 'object' && !Array.isArray(params),
      400,
      '`params` must be an object',
    );
    ctx.body = await callRest(
      {
        url: text(body.url, 'url', ctx),
        operationId: text(body.operationId, 'operationId', ctx),
        params: Object.fromEntries(Object.entries(params as Json).map(([k, v]) => [k, String(v)])),
        body: typeof body.body === 'string' ? body.body : undefined,
        token: typeof body.token === 'string' ? body.token : undefined,
      },
      guard,
    );
  });

  router.post('/api/mcp', async (ctx: RouterContext) => {
    const body = (ctx.request.body ?? {}) as Json;
    const args = body.arguments ?? {};
    ctx.assert(
      typeof args === 'object' && !Array.isArray(args),
      400,
      '`arguments` must be an object',
    );
    ctx.body = await callMcp(
      {
        url: text(body.url, 'url', ctx),
        token: typeof body.token === 'string' ? body.token : undefined,
        tool: typeof body.tool === 'string' ? body.tool : undefined,
        arguments: args as Json,
      },
      guard,
    );
  });

  router.post('/api/sign-in', async (ctx: RouterContext) => {
    const url = text((ctx.request.body as Json)?.url, 'url', ctx);
    const client = knownAt(url)?.oauth;
    ctx.assert(client, 400, '`url` is no plugin with an OAuth client the console knows');
    ctx.body = await signIns.start(url, client, guard);
  });

  // MCP authorization: any plugin whose `/mcp` answers 401; the client registers itself.
  router.post('/api/mcp-sign-in', async (ctx: RouterContext) => {
    const url = text((ctx.request.body as Json)?.url, 'url', ctx);
    ctx.body = await signIns.startMcp(url, mcpRedirectUri, guard);
  });

  router.post('/api/token', async (ctx: RouterContext) => {
    ctx.body = await signIns.token(text((ctx.request.body as Json)?.flow, 'flow', ctx));
  });

  return router;
}
