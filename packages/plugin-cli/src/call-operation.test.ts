import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOAuthPlugin, type FakeOAuthPlugin } from '../test/fake-oauth-plugin';
import { callOperation, type CallOptions } from './call-operation';

let plugin: FakeOAuthPlugin;
beforeAll(async () => {
  plugin = await startFakeOAuthPlugin();
});
afterAll(() => plugin.server.close());

// Follows the sign-in URL the way a browser would, so the flow reaches the local callback.
const browser = (url: string) => void fetch(url, { redirect: 'follow' }).catch(() => undefined);
const call = (options: Partial<CallOptions>) =>
  callOperation({
    url: plugin.url,
    operationId: 'whoAmI',
    params: [],
    log: () => {},
    onAuthorizeUrl: browser,
    ...options,
  });

describe('ai-plugin call on an OAuth plugin', () => {
  it('signs in with the authorization-code flow (PKCE, state checked), then calls with the token', async () => {
    const result = await call({ oauth: { clientId: 'host', clientSecret: 'secret' } });
    expect(result).toEqual({ status: 200, text: '{"user":"ann"}', problems: [] });
    const exchange = plugin.tokenRequests.at(-1)!;
    expect(exchange).toMatchObject({
      grant_type: 'authorization_code',
      client_id: 'host',
      client_secret: 'secret',
    });
    expect(exchange.redirect_uri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('uses a token given on the command line without signing in', async () => {
    const before = plugin.tokenRequests.length;
    expect((await call({ token: 'token-for-ann' })).status).toBe(200);
    expect(plugin.tokenRequests.length).toBe(before);
  });

  it('refuses a callback that comes back with another state', async () => {
    plugin.forgeState = true;
    try {
      await expect(call({ oauth: { clientId: 'host', clientSecret: 'secret' } })).rejects.toThrow(
        /different `state`/,
      );
    } finally {
      plugin.forgeState = false;
    }
  });

  it('says what is missing when it has neither a token nor client credentials', async () => {
    await expect(call({})).rejects.toThrow(/pass --token, or --client-id/);
  });

  it('reports an answer the spec does not document', async () => {
    const result = await call({ token: 'wrong' });
    expect(result.status).toBe(401);
    expect(result.problems).toContain("status 401 is not in the spec's responses for whoAmI");
  });

  it('refuses an unknown operation or parameter, naming what exists', async () => {
    await expect(call({ operationId: 'nope', token: 't' })).rejects.toThrow(
      /no operation `nope`; the spec has whoAmI/,
    );
    await expect(call({ params: ['user=ann'], token: 't' })).rejects.toThrow(
      /`user` is not a parameter of whoAmI/,
    );
  });
});

describe('ai-plugin call and where the token goes', () => {
  it("sends the token to the manifest's origin only, unless --allow-origin names another", async () => {
    // Another origin on the same server: localhost and 127.0.0.1 are different origins.
    plugin.apiOrigin = plugin.url.replace('127.0.0.1', 'localhost');
    const before = plugin.apiCalls.length;
    try {
      await expect(call({ token: 'token-for-ann' })).rejects.toThrow(
        `the spec sends calls to ${plugin.apiOrigin}, not to the manifest's origin ${plugin.url}: ` +
          `pass --allow-origin ${plugin.apiOrigin} to send the token there`,
      );
      expect(plugin.apiCalls.length).toBe(before);
      const allowed = await call({ token: 'token-for-ann', allowOrigin: plugin.apiOrigin });
      expect(allowed.status).toBe(200);
      expect(plugin.apiCalls.at(-1)?.host).toBe(new URL(plugin.apiOrigin).host);
    } finally {
      plugin.apiOrigin = undefined;
    }
  });
});
