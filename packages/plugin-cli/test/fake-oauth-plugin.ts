// A minimal OAuth plugin for the host simulator's tests: an authorization endpoint that signs
// the user in at once, a token endpoint, and one operation that needs the token. Real servers
// (todo-oauth) are tested in their own app; this one exists to check the simulator's side.
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';

export interface FakeOAuthPlugin {
  url: string;
  server: Server;
  tokenRequests: Record<string, string>[];
  /** Set to make the callback come back with another state (a forged callback). */
  forgeState: boolean;
  /** Set to make the spec's `servers[0].url` another origin than the plugin's. */
  apiOrigin?: string | undefined;
  /** Each call of the operation: the Host it was sent to and its Authorization. */
  apiCalls: { host: string | undefined; authorization: string | undefined }[];
}

const SPEC = `openapi: 3.0.1
info: { title: Fake, version: '1' }
servers: [{ url: ORIGIN }]
paths:
  /me:
    get:
      operationId: whoAmI
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { type: object, required: [user], properties: { user: { type: string } } }
`;

export async function startFakeOAuthPlugin(): Promise<FakeOAuthPlugin> {
  const plugin = {
    tokenRequests: [],
    apiCalls: [],
    forgeState: false,
  } as unknown as FakeOAuthPlugin;
  const codes = new Map<string, string>(); // code → PKCE challenge
  plugin.server = createServer((req, res) => {
    const url = new URL(req.url!, plugin.url);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/ai-plugin.json') {
      return json(200, {
        schema_version: 'v1',
        name_for_human: 'Fake',
        name_for_model: 'fake',
        description_for_human: 'x',
        description_for_model: 'x',
        auth: {
          type: 'oauth',
          client_url: `${plugin.url}/authorize`,
          scope: 'todos',
          authorization_url: `${plugin.url}/token`,
          authorization_content_type: 'application/json',
          verification_tokens: { openai: 'v' },
        },
        api: { type: 'openapi', url: `${plugin.url}/openapi.yaml` },
        logo_url: `${plugin.url}/logo.png`,
        contact_email: 'a@example.com',
        legal_info_url: 'https://example.com',
      });
    }
    if (url.pathname === '/openapi.yaml')
      return res.writeHead(200).end(SPEC.replace('ORIGIN', plugin.apiOrigin ?? plugin.url));
    if (url.pathname === '/authorize') {
      const code = `code-${codes.size}`;
      codes.set(code, url.searchParams.get('code_challenge') ?? '');
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', plugin.forgeState ? 'forged' : url.searchParams.get('state')!);
      return res.writeHead(302, { Location: back.href }).end();
    }
    if (url.pathname === '/token') {
      let raw = '';
      req.on('data', (d) => (raw += d));
      return req.on('end', () => {
        const body = JSON.parse(raw) as Record<string, string>;
        plugin.tokenRequests.push(body);
        const challenge = codes.get(body.code!);
        const verified =
          challenge ===
          createHash('sha256')
            .update(body.code_verifier ?? '')
            .digest('base64url');
        if (!verified || body.client_secret !== 'secret')
          return json(400, { error: 'invalid_grant' });
        codes.delete(body.code!);
        json(200, { access_token: 'token-for-ann', token_type: 'bearer', expires_in: 60 });
      });
    }
    if (url.pathname === '/me') {
      plugin.apiCalls.push({ host: req.headers.host, authorization: req.headers.authorization });
      return req.headers.authorization === 'Bearer token-for-ann'
        ? json(200, { user: 'ann' })
        : json(401, { error: 'invalid_token' });
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => plugin.server.listen(0, '127.0.0.1', resolve));
  plugin.url = `http://127.0.0.1:${(plugin.server.address() as { port: number }).port}`;
  return plugin;
}
