import {
  Client,
  StreamableHTTPClientTransport,
  UnauthorizedError,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type StoredOAuthClientInformation,
  type StoredOAuthTokens,
} from '@modelcontextprotocol/client';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '@repo/mcp/testing';
import { USERS, formFields, testApp } from '../test/fake-host';

const CALLBACK = 'http://127.0.0.1:33418/callback';

/** What the official client keeps between its steps; the user's browser is played by `signIn`. */
class TestProvider implements OAuthClientProvider {
  client?: StoredOAuthClientInformation;
  saved?: StoredOAuthTokens;
  verifier = '';
  authorizationUrl?: URL;
  get redirectUrl() {
    return CALLBACK;
  }
  get clientMetadata(): OAuthClientMetadata {
    return { client_name: 'SDK test host', redirect_uris: [CALLBACK] };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(info: StoredOAuthClientInformation) {
    this.client = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: StoredOAuthTokens) {
    this.saved = tokens;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

/** The user's browser: opens the authorization URL, signs in through the form, allows. */
async function signIn(url: URL, user: string): Promise<URL> {
  const browser = request.agent(url.origin);
  const page = await browser.get(url.pathname + url.search);
  expect(page.status, `redirected to ${page.headers.location}`).toBe(200);
  expect(page.text).toContain('<strong>SDK test host</strong> at <strong>127.0.0.1:33418</strong>');
  const fields = { ...formFields(page.text), username: user, password: USERS.get(user)! };
  const res = await browser
    .post(url.pathname)
    .type('form')
    .send({ ...fields, decision: 'allow' });
  expect(res.status).toBe(302);
  return new URL(res.headers.location as string);
}

/** Connects the official client the way a host does: 401, discovery, registration, sign-in, token. */
async function connectAs(mcpUrl: string, user: string) {
  const provider = new TestProvider();
  const info = { name: 'sdk-test-host', version: '1.0.0' };
  const first = new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider });
  await expect(new Client(info).connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  const callback = await signIn(provider.authorizationUrl!, user);
  await first.finishAuth(callback.searchParams);
  const client = new Client(info, { versionNegotiation: { mode: 'auto' } });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(mcpUrl), { authProvider: provider }),
  );
  return { client, provider };
}

describe('the official MCP client signs in by itself (MCP authorization)', () => {
  let server: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    server = await listen(await testApp());
  });
  afterAll(async () => server.close());

  it('discovers, registers, signs in with PKCE and resource, and acts as that user', async () => {
    const alice = await connectAs(`${server.url}/mcp`, 'alice');
    const bob = await connectAs(`${server.url}/mcp`, 'bob');
    try {
      const authorize = alice.provider.authorizationUrl!;
      expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
      expect(authorize.searchParams.get('resource')).toBe(`${server.url}/mcp`);
      expect(alice.provider.client?.client_id).not.toBe(bob.provider.client?.client_id);
      const names = (await alice.client.listTools()).tools.map((t) => t.name);
      expect(names).toEqual(['getTodos', 'addTodo', 'deleteTodo']);
      await alice.client.callTool({ name: 'addTodo', arguments: { todo: 'alice via SDK' } });
      await bob.client.callTool({ name: 'addTodo', arguments: { todo: 'bob via SDK' } });
      const list = async (c: Client) =>
        (await c.callTool({ name: 'getTodos', arguments: {} })).structuredContent;
      expect(await list(alice.client)).toEqual({ todos: ['alice via SDK'] });
      expect(await list(bob.client)).toEqual({ todos: ['bob via SDK'] });
    } finally {
      await Promise.all([alice.client.close(), bob.client.close()]);
    }
  }, 30_000);
});
