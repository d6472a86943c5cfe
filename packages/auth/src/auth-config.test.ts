import request from 'supertest';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { manifestAuthSchema } from '@repo/manifest';
import { manifestAuth, type AuthConfig } from './auth-config';
import { requireAuth } from './require-auth';

const configs: AuthConfig[] = [
  { type: 'none' },
  {
    type: 'service_http',
    scheme: 'bearer',
    token: 'the-secret-token',
    verificationTokens: { openai: 'v1' },
  },
  {
    type: 'service_http',
    scheme: 'basic',
    token: 'svc:the-secret-password',
    verificationTokens: { openai: 'v1' },
  },
  { type: 'user_http', scheme: 'basic', verify: () => undefined },
  {
    type: 'oauth',
    authorizeUrl: 'https://p.example/oauth/authorize',
    tokenUrl: 'https://p.example/oauth/token',
    scope: 'todos',
    tokenContentType: 'application/json',
    verificationTokens: { openai: 'v1' },
    verify: () => undefined,
  },
];

describe('manifestAuth', () => {
  it.each(configs.map((c) => [c.type, c] as const))(
    'builds a valid manifest block for %s, without any secret',
    (_, config) => {
      const block = manifestAuth(config);
      expect(manifestAuthSchema.safeParse(block).success).toBe(true);
      expect(block.type).toBe(config.type);
      expect(JSON.stringify(block)).not.toContain('the-secret');
    },
  );

  it('announces the same scheme the check enforces', async () => {
    for (const config of configs.slice(1, 3)) {
      const block = manifestAuth(config) as { authorization_type: string };
      const app = new Koa();
      app.use(requireAuth(config));
      const res = await request(app.callback()).get('/');
      expect(res.headers['www-authenticate']?.toLowerCase()).toMatch(
        new RegExp(`^${block.authorization_type} `),
      );
    }
  });
});

describe('requireAuth', () => {
  it('refuses a service token that could never be sent, at construction', () => {
    const base = { type: 'service_http', verificationTokens: {} } as const;
    expect(() => requireAuth({ ...base, scheme: 'bearer', token: '' })).toThrow('non-empty');
    expect(() => requireAuth({ ...base, scheme: 'bearer', token: 'a b' })).toThrow('bearer token');
    expect(() => requireAuth({ ...base, scheme: 'basic', token: 'nocolon' })).toThrow(
      'user:password',
    );
  });

  it('checks a Basic service credential', async () => {
    const app = new Koa();
    app.silent = true;
    app.use(requireAuth(configs[2]!));
    app.use((ctx) => void (ctx.body = 'ok'));
    const server = request(app.callback());
    expect((await server.get('/').auth('svc', 'the-secret-password')).status).toBe(200);
    expect((await server.get('/').auth('svc', 'the-secret-passwordX')).status).toBe(401);
  });
});
