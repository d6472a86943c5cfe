// A minimal MCP authorization server for the sign-in's tests: metadata (RFC 8414), dynamic
// registration (RFC 7591), an authorization endpoint that signs the user in at once and sends
// `iss` back (RFC 9207), and a token endpoint that checks PKCE S256 and `resource`. In front
// of the small MCP server, which answers 401 with `resource_metadata`. Real servers
// (todo-oauth) are tested in their own app; this one exists to break each step on purpose.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { startTestMcpServer, type TestMcpServer } from './mcp-server';

export interface FakeMcpAuth {
  issuer: string;
  server: Server;
  mcp: TestMcpServer;
  registrations: Record<string, unknown>[];
  authorizeQueries: Record<string, string>[];
  tokenRequests: Record<string, string>[];
  /** Breaks one step: the callback's `iss` or `state`, registration, or consent. */
  fault?: 'wrong-iss' | 'no-iss' | 'forge-state' | 'refuse-registration' | 'deny' | undefined;
  close(): void;
}

export const TOKEN = 'mcp-token-for-ann';

export async function startFakeMcpAuth(): Promise<FakeMcpAuth> {
  const fake = {
    registrations: [],
    authorizeQueries: [],
    tokenRequests: [],
  } as unknown as FakeMcpAuth;
  const codes = new Map<string, string>(); // code → PKCE challenge
  fake.server = createServer((req, res) => {
    const url = new URL(req.url!, fake.issuer);
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    const body = () =>
      new Promise<string>((resolve) => {
        let raw = '';
        req.on('data', (d) => (raw += d)).on('end', () => resolve(raw));
      });
    if (url.pathname === '/.well-known/oauth-authorization-server')
      return json(200, {
        issuer: fake.issuer,
        authorization_endpoint: `${fake.issuer}/authorize`,
        token_endpoint: `${fake.issuer}/token`,
        registration_endpoint: `${fake.issuer}/register`,
        response_types_supported: ['code'],
        grant_types_supported: ['authorization_code', 'refresh_token'],
        code_challenge_methods_supported: ['S256'],
        token_endpoint_auth_methods_supported: ['none'],
        authorization_response_iss_parameter_supported: true,
      });
    if (url.pathname === '/register')
      return void body().then((raw) => {
        fake.registrations.push(JSON.parse(raw));
        if (fake.fault === 'refuse-registration')
          return json(400, { error: 'invalid_redirect_uri', error_description: 'not loopback' });
        json(201, { ...JSON.parse(raw), client_id: `client-${fake.registrations.length}` });
      });
    if (url.pathname === '/authorize') {
      const query = Object.fromEntries(url.searchParams);
      fake.authorizeQueries.push(query);
      const back = new URL(query.redirect_uri!);
      const code = `code-${codes.size}`;
      codes.set(code, query.code_challenge ?? '');
      back.searchParams.set(
        fake.fault === 'deny' ? 'error' : 'code',
        fake.fault === 'deny' ? 'access_denied' : code,
      );
      back.searchParams.set('state', fake.fault === 'forge-state' ? 'forged' : query.state!);
      if (fake.fault !== 'no-iss')
        back.searchParams.set(
          'iss',
          fake.fault === 'wrong-iss' ? 'http://evil.example' : fake.issuer,
        );
      return res.writeHead(302, { Location: back.href }).end();
    }
    if (url.pathname === '/token')
      return void body().then((raw) => {
        const form = Object.fromEntries(new URLSearchParams(raw));
        fake.tokenRequests.push(form);
        const verified =
          codes.get(form.code!) ===
          createHash('sha256')
            .update(form.code_verifier ?? '')
            .digest('base64url');
        if (!verified || form.resource !== fake.mcp.url)
          return json(400, { error: 'invalid_grant' });
        codes.delete(form.code!);
        json(200, {
          access_token: TOKEN,
          token_type: 'Bearer',
          expires_in: 60,
          scope: 'todos:read',
        });
      });
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  fake.issuer = `http://127.0.0.1:${(fake.server.address() as { port: number }).port}`;
  fake.mcp = await startTestMcpServer({
    token: TOKEN,
    protectedResource: { authorization_servers: [fake.issuer], scopes_supported: ['todos:read'] },
  });
  fake.close = () => {
    fake.server.close();
    fake.mcp.server.close();
  };
  return fake;
}
