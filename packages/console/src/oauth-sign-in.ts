import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { fetchFile, mcpSignIn, runOAuthFlow, SignInError } from '@repo/plugin-cli';
import { CallFailed } from './call-plugin';
import type { OAuthClientSettings } from './known-plugins';
import type { OriginGuard } from './origin-guard';

const FLOW_TIMEOUT_MS = 120_000;

/** Where the MCP sign-in's callback listens; dynamic registration (RFC 7591) registers it. */
export const MCP_REDIRECT_URI = 'http://127.0.0.1:8977/callback';

/** Rejects when the callback's port is taken (another sign-in, `pnpm plugin call`'s own). */
function portFree(redirectUri: string): Promise<void> {
  const { hostname, port } = new URL(redirectUri);
  return new Promise((resolve, reject) => {
    const probe = createServer()
      .once('error', () =>
        reject(new CallFailed(`${redirectUri} is in use: finish or close the other sign-in first`)),
      )
      .listen(Number(port), hostname.replace(/[[\]]/g, ''), () => probe.close(() => resolve()));
  });
}

/** A failed step as the page shows it; an MCP sign-in's names the step (`SignInError.code`). */
const failed = (err: unknown) =>
  new CallFailed(
    err instanceof SignInError ? `${err.message} (${err.code})` : (err as Error).message,
  );

/**
 * Sign-ins in progress: `start` runs the plugin's OAuth flow as `pnpm plugin call` does (PKCE,
 * `state`, a loopback callback), `startMcp` the MCP authorization flow as `pnpm plugin mcp`
 * does; each answers the URL the page opens. `token` waits for the flow's end and hands the
 * token over once. The server keeps no token after that.
 */
export class SignIns {
  private readonly flows = new Map<string, Promise<string>>();
  private running = 0;

  async start(url: string, client: OAuthClientSettings, guard: OriginGuard) {
    this.assertIdle();
    const manifestUrl = new URL('/.well-known/ai-plugin.json', url).href;
    guard.check(manifestUrl);
    const file = await fetchFile(manifestUrl);
    const auth = file.bytes && JSON.parse(file.bytes.toString('utf8')).auth;
    if (auth?.type !== 'oauth') throw new CallFailed(`${manifestUrl} names no OAuth sign-in`);
    guard.check(auth.authorization_url);
    await portFree(client.redirectUri);
    return this.track((openUrl) =>
      runOAuthFlow({
        clientUrl: auth.client_url,
        tokenUrl: auth.authorization_url,
        contentType: auth.authorization_content_type,
        scope: auth.scope ?? '',
        ...client,
        onAuthorizeUrl: openUrl,
        timeoutMs: FLOW_TIMEOUT_MS,
      }),
    );
  }

  /** Signs in to the plugin's `/mcp` (discovery, registration, PKCE S256, `resource`). */
  async startMcp(url: string, redirectUri: string, guard: OriginGuard) {
    this.assertIdle();
    const mcpUrl = new URL('/mcp', url).href;
    guard.check(mcpUrl);
    await portFree(redirectUri);
    return this.track((openUrl) =>
      mcpSignIn(mcpUrl, {
        openUrl,
        redirectUri,
        // every step goes through the guard; the whole flow ends within the timeout
        fetch: guard.fetch,
        signal: AbortSignal.timeout(FLOW_TIMEOUT_MS + 10_000),
        timeoutMs: FLOW_TIMEOUT_MS,
      }).then((signedIn) => signedIn.accessToken),
    );
  }

  /** The flow's access token once the person has signed in; throws on a refused sign-in. */
  async token(id: string) {
    const flow = this.flows.get(id);
    if (!flow) throw new CallFailed('`flow` names no sign-in in progress');
    this.flows.delete(id);
    try {
      return { token: await flow };
    } catch (err) {
      throw failed(err);
    }
  }

  // One at a time: each flow listens on one registered callback port.
  private assertIdle() {
    if (this.running > 0) throw new CallFailed('a sign-in is already in progress');
  }

  private async track(run: (openUrl: (url: string) => void) => Promise<string>) {
    let opened!: (url: string) => void;
    const authorizeUrl = new Promise<string>((resolve) => (opened = resolve));
    const flow = run(opened);
    const id = randomUUID();
    this.flows.set(id, flow);
    this.running++;
    // A token nobody came for is dropped: the server keeps none.
    void flow
      .catch(() => {})
      .finally(() => {
        this.running--;
        setTimeout(() => this.flows.delete(id), 1000).unref();
      });
    try {
      return { flow: id, authorizeUrl: await Promise.race([authorizeUrl, flow.then(() => '')]) };
    } catch (err) {
      throw failed(err);
    }
  }
}
