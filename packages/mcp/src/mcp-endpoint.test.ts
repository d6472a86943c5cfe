import Koa from 'koa';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireAuth, type AuthConfig } from '@repo/auth';
import { jsonBody, jsonErrors, pluginCors } from '@repo/http';
import { routeOperations, validInput } from '@repo/openapi';
import { CLIENTS, EXPECTED_REVISION, connect, listen } from '../test/clients';
import { inlineSpec } from '../test/spec';
import { mcpEndpoint } from './mcp-endpoint';

const spec = inlineSpec({
  '/echo': {
    post: {
      operationId: 'echo',
      summary: 'Echo a word',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['word'],
              properties: { word: { type: 'string', maxLength: 5 } },
            },
          },
        },
      },
      responses: {
        '200': {
          description: 'ok',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { word: { type: 'string' } } },
            },
          },
        },
      },
    },
  },
});
const auth: AuthConfig = {
  type: 'service_http',
  scheme: 'bearer',
  token: 's3cret-token',
  verificationTokens: {},
  realm: 'test',
};

function echoApp() {
  const app = new Koa();
  const cors = { allowLoopback: true };
  app.use(jsonErrors());
  app.use(mcpEndpoint(app, { spec, auth, cors }));
  app.use(pluginCors(cors)).use(jsonBody());
  const api = routeOperations(spec, {
    echo(ctx: Koa.Context) {
      ctx.body = { word: (validInput(ctx).body as { word: string }).word };
    },
  });
  app.use(requireAuth(auth)).use(api.routes());
  return app;
}

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  },
};
const post = (app: Koa) =>
  request(app.callback())
    .post('/mcp')
    .set('Accept', 'application/json, text/event-stream')
    .set('Authorization', 'Bearer s3cret-token');

describe('mcpEndpoint', () => {
  it('refuses an origin outside the CORS allow-list with a 403', async () => {
    const res = await post(echoApp()).set('Origin', 'https://attacker.example').send(initialize);
    expect(res.status).toBe(403);
    expect(res.body.field).toBe('Origin');
  });

  it('answers a preflight with the MCP headers allowed and WWW-Authenticate exposed', async () => {
    const res = await request(echoApp().callback())
      .options('/mcp')
      .set('Origin', 'https://chatgpt.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'mcp-protocol-version, authorization');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('https://chatgpt.com');
    for (const name of ['Mcp-Protocol-Version', 'Mcp-Method', 'Mcp-Name', 'Mcp-Session-Id']) {
      expect(res.headers['access-control-allow-headers']).toContain(name);
    }
    const allowed = (await post(echoApp()).set('Origin', 'http://localhost:6274').send(initialize))
      .headers;
    expect(allowed['access-control-expose-headers']).toContain('WWW-Authenticate');
    expect(allowed['access-control-expose-headers']).toContain('Mcp-Session-Id');
  });

  it("answers a missing or wrong token with the app's 401 and WWW-Authenticate", async () => {
    const none = await request(echoApp().callback()).post('/mcp').send(initialize);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer realm="test"/);
    const wrong = await post(echoApp()).set('Authorization', 'Bearer nope').send(initialize);
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('invalid_token');
  });

  it('refuses a token in the query string', async () => {
    const res = await post(echoApp()).query({ access_token: 's3cret-token' }).send(initialize);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe('access_token');
  });

  it('keeps the REST body limit and asks for JSON', async () => {
    const big = await post(echoApp()).send({ ...initialize, pad: 'x'.repeat(20_000) });
    expect(big.status).toBe(413);
    const text = await post(echoApp()).set('Content-Type', 'text/plain').send('{}');
    expect(text.status).toBe(415);
  });

  it.each(['get', 'delete'] as const)('answers %s with a 405', async (method) => {
    const agent = request(echoApp().callback());
    const res = await agent[method]('/mcp').set('Authorization', 'Bearer s3cret-token');
    expect(res.status).toBe(405);
  });

  it('leaves other paths to the app', async () => {
    const res = await request(echoApp().callback())
      .post('/echo')
      .set('Authorization', 'Bearer s3cret-token')
      .send({ word: 'hi' });
    expect(res.body).toEqual({ word: 'hi' });
  });
});

describe.each(CLIENTS)('mcpEndpoint with the %s client', (kind) => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen(echoApp());
  });
  afterAll(() => server.close());

  it('lists the tool and calls it through the app, with the token', async () => {
    const client = await connect(kind, `${server.url}/mcp`, {
      Authorization: 'Bearer s3cret-token',
    });
    try {
      expect(client.protocolVersion).toBe(EXPECTED_REVISION[kind]);
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(['echo']);
      expect(await client.callTool({ name: 'echo', arguments: { word: 'hi' } })).toMatchObject({
        structuredContent: { word: 'hi' },
        content: [{ type: 'text', text: '{"word":"hi"}' }],
      });
      const bad = (await client.callTool({ name: 'echo', arguments: { word: 'toolong' } })) as {
        isError?: boolean;
        content: { text: string }[];
      };
      expect(bad.isError).toBe(true);
      expect(bad.content[0]!.text).toContain('word');
    } finally {
      await client.close();
    }
  });
});
