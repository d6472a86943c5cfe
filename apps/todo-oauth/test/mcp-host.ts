import type Koa from 'koa';
import request from 'supertest';
import { AUTHORIZE_PATH, REGISTER_PATH, TOKEN_PATH } from '@repo/auth';
import { MCP_RESOURCE, USERS, formFields, pkcePair } from './fake-host';

export const MCP_CALLBACK = 'http://127.0.0.1:33418/callback';

/**
 * An MCP host as the tests drive it by hand: it registers itself as a public client (RFC 7591),
 * sends the user to sign in with PKCE and `resource`, and redeems the code without a secret.
 */
export class McpHost {
  readonly browser: ReturnType<typeof request.agent>;
  readonly server: ReturnType<typeof request>;
  clientId = '';
  readonly pkce = pkcePair();

  /** `plugin` is an app in this process, or the URL of one listening. */
  constructor(plugin: Koa | string) {
    const target = typeof plugin === 'string' ? plugin : plugin.callback();
    this.browser = request.agent(target);
    this.server = request(target);
  }

  /** Registers, and keeps the client id. */
  async register(metadata: Record<string, unknown> = {}) {
    const res = await this.server
      .post(REGISTER_PATH)
      .send({ client_name: 'Test Host', redirect_uris: [MCP_CALLBACK], ...metadata });
    if (res.status === 201) this.clientId = res.body.client_id as string;
    return res;
  }

  authorize(params: Record<string, string | undefined> = {}) {
    const query = {
      client_id: this.clientId,
      redirect_uri: MCP_CALLBACK,
      response_type: 'code',
      state: 'mcp-state',
      code_challenge: this.pkce.challenge,
      code_challenge_method: 'S256',
      resource: MCP_RESOURCE,
      ...params,
    };
    const defined = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined));
    return this.browser.get(AUTHORIZE_PATH).query(defined as Record<string, string>);
  }

  /** Signs `user` in through the form; resolves to where the browser was sent back to. */
  async consent(user = 'alice', params: Record<string, string | undefined> = {}): Promise<URL> {
    const page = await this.authorize(params);
    if (page.status !== 200) throw new Error(`sign-in page answered ${page.status}`);
    const res = await this.browser
      .post(AUTHORIZE_PATH)
      .type('form')
      .send({
        ...formFields(page.text),
        username: user,
        password: USERS.get(user),
        decision: 'allow',
      });
    return new URL(res.headers.location as string);
  }

  exchange(code: string, body: Record<string, string | undefined> = {}) {
    const form = {
      grant_type: 'authorization_code',
      code,
      redirect_uri: MCP_CALLBACK,
      client_id: this.clientId,
      code_verifier: this.pkce.verifier,
      resource: MCP_RESOURCE,
      ...body,
    };
    const defined = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
    return this.server.post(TOKEN_PATH).type('form').send(defined);
  }

  refresh(refreshToken: string, body: Record<string, string> = {}) {
    const form = {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: this.clientId,
    };
    return this.server
      .post(TOKEN_PATH)
      .type('form')
      .send({ ...form, ...body });
  }

  /** Registration, sign-in and code exchange: the tokens. */
  async signIn(user = 'alice', params: Record<string, string | undefined> = {}) {
    if (!this.clientId) await this.register();
    const back = await this.consent(user, params);
    const res = await this.exchange(back.searchParams.get('code')!);
    if (res.status !== 200) throw new Error(`token endpoint answered ${res.status}: ${res.text}`);
    return res.body as { access_token: string; refresh_token: string; scope: string };
  }
}
