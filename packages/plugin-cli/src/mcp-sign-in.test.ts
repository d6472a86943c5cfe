import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMcpAuth, TOKEN, type FakeMcpAuth } from '../test/fake-mcp-auth';
import { startTestMcpServer, type TestMcpServer } from '../test/mcp-server';
import { mcpSignIn, type McpSignInOptions } from './mcp-sign-in';

let fake: FakeMcpAuth;
let open: TestMcpServer;
beforeAll(async () => {
  fake = await startFakeMcpAuth();
  open = await startTestMcpServer();
});
afterAll(() => {
  fake.close();
  open.server.close();
});
afterEach(() => (fake.fault = undefined));

// Follows the sign-in URL the way a browser would, so the flow reaches the loopback callback.
const browser = (url: string) => void fetch(url, { redirect: 'follow' }).catch(() => undefined);
const signIn = (options: Partial<McpSignInOptions> = {}, url = fake.mcp.url) =>
  mcpSignIn(url, { openUrl: browser, timeoutMs: 5_000, ...options });

describe('mcpSignIn', () => {
  it('discovers, registers a public client, and gets a token with PKCE S256 and `resource`', async () => {
    const result = await signIn();
    expect(result).toMatchObject({
      accessToken: TOKEN,
      issuer: fake.issuer,
      resource: fake.mcp.url,
      clientId: `client-${fake.registrations.length}`,
    });
    const registration = fake.registrations.at(-1) as Record<string, unknown>;
    expect(registration).toMatchObject({
      client_name: 'ai-plugins CLI',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
    });
    const redirectUri = (registration.redirect_uris as string[])[0]!;
    expect(redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(fake.authorizeQueries.at(-1)).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      resource: fake.mcp.url,
      scope: 'todos:read',
      redirect_uri: redirectUri,
    });
    expect(fake.tokenRequests.at(-1)).toMatchObject({
      grant_type: 'authorization_code',
      resource: fake.mcp.url,
      redirect_uri: redirectUri,
    });
  });

  it('listens before it opens the URL, so an `openUrl` may wait for the user to come back', async () => {
    const comeBack = async (url: string) => void (await (await fetch(url)).text());
    await expect(signIn({ openUrl: comeBack })).resolves.toMatchObject({ accessToken: TOKEN });
  });

  it('listens on the redirect URI it is given, and refuses one off loopback', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const redirectUri = `http://127.0.0.1:${port}/oauth/callback`;
    await signIn({ redirectUri });
    expect(fake.authorizeQueries.at(-1)!.redirect_uri).toBe(redirectUri);
    await expect(signIn({ redirectUri: 'http://example.com/callback' })).rejects.toThrow(
      'the redirect URI must be http on loopback',
    );
  });

  it.each([
    ['wrong-iss', 'issuer_mismatch', /Issuer mismatch in authorization response/],
    ['no-iss', 'issuer_mismatch', /Issuer mismatch in authorization response/],
    ['forge-state', 'state_mismatch', /different `state`/],
    ['refuse-registration', 'registration_refused', /refused with 400.*invalid_redirect_uri/],
    ['deny', 'access_denied', /refused: access_denied/],
  ] as const)('fails with %s as %s, and gets no token', async (fault, code, message) => {
    fake.fault = fault;
    const before = fake.tokenRequests.length;
    const error = await signIn().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'SignInError', code });
    expect((error as Error).message).toMatch(message);
    expect(fake.tokenRequests.length).toBe(before);
  });

  it('fails as no_metadata on a 401 without protected resource metadata', async () => {
    const guarded = await startTestMcpServer({ token: 'x' });
    try {
      await expect(signIn({}, guarded.url)).rejects.toMatchObject({
        code: 'no_metadata',
        message: expect.stringMatching(/answered 401 and serves no protected resource metadata/),
      });
    } finally {
      guarded.server.close();
    }
  });

  it('fails as no_challenge on a server that does not answer 401', async () => {
    await expect(signIn({}, open.url)).rejects.toMatchObject({ code: 'no_challenge' });
  });

  it('gives up when nobody comes back in time, or when cancelled', async () => {
    const nobody = () => {};
    await expect(signIn({ openUrl: nobody, timeoutMs: 200 })).rejects.toMatchObject({
      code: 'timeout',
    });
    const cancel = new AbortController();
    const signingIn = signIn({ openUrl: () => cancel.abort(), signal: cancel.signal });
    await expect(signingIn).rejects.toMatchObject({ code: 'aborted' });
  });
});
