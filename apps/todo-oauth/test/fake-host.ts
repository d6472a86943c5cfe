import { createHash, randomBytes } from 'node:crypto';
import type Koa from 'koa';
import request from 'supertest';
import { AUTHORIZE_PATH, TOKEN_PATH } from '@repo/auth';
import { createApp, type AppOptions } from '../src/app';

export const CALLBACK = 'https://chat.openai.com/aip/plugin-test/oauth/callback';
export const OTHER_CALLBACK = 'https://chatgpt.com/aip/plugin-test/oauth/callback';
export const CLIENT = {
  id: 'test-host',
  secret: 'test-host-secret-0123456789abcdef',
  redirectUris: [CALLBACK, OTHER_CALLBACK],
};
export const USERS = new Map([
  ['alice', 'alice-password'],
  ['bob', 'bob-password'],
]);

/** The origin `mcpApp` is configured to be reached at, and its MCP resource. */
export const PUBLIC_BASE_URL = 'http://plugin.test';
export const MCP_RESOURCE = `${PUBLIC_BASE_URL}/mcp`;

/** The app as the tests run it: the test client and users, a clock the test can move. */
export function testApp(overrides: Partial<AppOptions> = {}): Promise<Koa> {
  return createApp({
    client: CLIENT,
    users: USERS,
    verificationToken: 'test-verification',
    ...overrides,
  });
}

/** A PKCE pair (RFC 7636 §4.1, §4.2): a random verifier and its S256 challenge. */
export function pkcePair() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

/** The hidden and visible `<input>` values of the page's form, unescaped. */
export function formFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of html.matchAll(
    /<input [^>]*name="([^"]+)"[^>]*?(?:value="([^"]*)")?>/g,
  )) {
    fields[name!] = (value ?? '').replace(/&#(\d+);/g, (_, code: string) =>
      String.fromCharCode(Number(code)),
    );
  }
  return fields;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

/**
 * The plugin host and the user's browser, as the tests drive them: `browser` keeps the user's
 * cookies on the sign-in page; `server` is the host's back end calling the token endpoint. The
 * plugin is an app in this process, or the URL of one running as a process of its own.
 */
export class FakeHost {
  readonly browser: ReturnType<typeof request.agent>;
  readonly server: ReturnType<typeof request>;

  constructor(plugin: Koa | string) {
    const target = typeof plugin === 'string' ? plugin : plugin.callback();
    this.browser = request.agent(target);
    this.server = request(target);
  }

  /** The host sends the user to the authorization endpoint (the manifest's `client_url`). */
  authorize(params: Record<string, string | undefined> = {}) {
    const query = {
      client_id: CLIENT.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'todos:read todos:write',
      state: 'state-1',
      ...params,
    };
    const defined = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    return this.browser.get(AUTHORIZE_PATH).query(defined as Record<string, string>);
  }

  /** The user fills in the form they were shown and presses a button. */
  submit(fields: Record<string, string>, answers: Record<string, string | undefined> = {}) {
    const form = {
      ...fields,
      username: 'alice',
      password: 'alice-password',
      decision: 'allow',
      ...answers,
    };
    const defined = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
    return this.browser.post(AUTHORIZE_PATH).type('form').send(defined);
  }

  /** Signs in as `user` and returns where the browser was sent back to. */
  async consent(user = 'alice', params: Record<string, string | undefined> = {}): Promise<URL> {
    const page = await this.authorize(params);
    if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
    const res = await this.submit(formFields(page.text), {
      username: user,
      password: USERS.get(user),
    });
    if (res.status !== 302)
      throw new Error(`sign-in answered ${res.status}: ${res.text.slice(0, 200)}`);
    return new URL(res.headers.location as string);
  }

  /** The host's back end redeems a code, as JSON (what the manifest announces) or as a form. */
  exchange(
    code: string,
    options: { as?: 'json' | 'form'; basic?: boolean; body?: Record<string, string> } = {},
  ) {
    const body: Record<string, string> = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
    };
    let call = this.server.post(TOKEN_PATH);
    if (options.basic) call = call.auth(CLIENT.id, CLIENT.secret);
    else Object.assign(body, { client_id: CLIENT.id, client_secret: CLIENT.secret });
    return call.type(options.as ?? 'json').send({ ...body, ...options.body });
  }

  /** The host's back end trades a refresh token for new tokens. */
  refresh(refreshToken: string) {
    return this.server.post(TOKEN_PATH).type('json').send({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: CLIENT.id,
      client_secret: CLIENT.secret,
    });
  }

  /** The whole flow for `user`: their tokens (bound to `params.resource` when given). */
  async signIn(user = 'alice', params: Record<string, string> = {}): Promise<Tokens> {
    const back = await this.consent(user, params);
    const res = await this.exchange(back.searchParams.get('code')!);
    if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${res.text}`);
    return res.body as Tokens;
  }

  /** The host calls the API on the user's behalf. */
  api(method: 'get' | 'post' | 'delete', path: string, token: string) {
    return this.server[method](path).set('Authorization', `Bearer ${token}`);
  }
}

/** The app with a fixed public origin, so a token can be bound to its `/mcp` before it listens. */
export const mcpApp = () => testApp({ publicBaseUrl: PUBLIC_BASE_URL });

/** A token for `/mcp` of an app from `mcpApp`: the MCP host's flow, through the plugin's client. */
export async function mcpToken(app: Koa, user = 'alice', scope = 'todos:read todos:write') {
  return (await new FakeHost(app).signIn(user, { resource: MCP_RESOURCE, scope })).access_token;
}
