import { Client, SdkHttpError, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { mcpSignIn } from './mcp-sign-in';
import { runOAuthFlow } from './oauth-flow';
import { SignInError } from './sign-in-error';

export interface McpConnectOptions {
  /** The server's MCP endpoint, such as http://localhost:5002/mcp. */
  url: string;
  /** Sent as `Authorization: Bearer`. */
  token?: string | undefined;
  /** Sign in through the OAuth server the plugin's manifest names, then send its token. */
  oauth?: { clientId: string; clientSecret: string; redirectUri?: string | undefined } | undefined;
  /** On a 401, sign in with the MCP authorization flow; default true (`lint` does not). */
  signIn?: boolean;
  /** The scope the MCP sign-in asks for; default the 401's `scope`, else `scopes_supported`. */
  scope?: string | undefined;
  /** The loopback redirect URI of the MCP sign-in run on a 401; default a free port. */
  redirectUri?: string | undefined;
  /** Speak only the 2025-11-25 revision, as most hosts still do; by default the newest both sides know. */
  legacy?: boolean;
  log(line: string): void;
  /** Where the OAuth sign-in URL goes; by default it is logged for a person to open. */
  onAuthorizeUrl?(url: string): void;
  /** How to reach the server; the global `fetch` unless given. */
  fetch?: typeof fetch;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The access token from the OAuth flow named in the manifest at the MCP URL's origin. */
async function signIn(options: McpConnectOptions): Promise<string> {
  const manifestUrl = new URL('/.well-known/ai-plugin.json', options.url).href;
  const res = await fetch(manifestUrl, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok)
    throw new Error(`GET ${manifestUrl} answered ${res.status}: no OAuth to sign in with`);
  const auth = ((await res.json()) as Json).auth as Json | undefined;
  if (auth?.type !== 'oauth')
    throw new Error(`${manifestUrl} names no OAuth sign-in: pass --token`);
  return runOAuthFlow({
    clientUrl: auth.client_url,
    tokenUrl: auth.authorization_url,
    contentType: auth.authorization_content_type,
    scope: auth.scope ?? '',
    ...options.oauth!,
    onAuthorizeUrl:
      options.onAuthorizeUrl ?? ((url) => options.log(`open this URL to sign in: ${url}`)),
  });
}

async function open(options: McpConnectOptions, token: string | undefined): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(options.url), {
    // MCP authorization: the token goes in the header, never in the query string.
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
    ...(options.fetch && { fetch: options.fetch }),
  });
  const client = new Client(
    { name: 'ai-plugin', version: '1.0.0' },
    { versionNegotiation: { mode: options.legacy ? 'legacy' : 'auto' } },
  );
  await client.connect(transport, { timeout: 10_000 });
  return client;
}

/**
 * Connects the official MCP client to `options.url` over Streamable HTTP, with a bearer token
 * given or got by signing in: with the manifest's OAuth flow when `oauth` is given, else with
 * the MCP authorization flow (`mcpSignIn`) when the server answers 401. Throws with the
 * server's answer when it refuses the connection, or with the step of the sign-in that failed.
 */
export async function connectMcp(options: McpConnectOptions): Promise<Client> {
  const token = options.token ?? (options.oauth ? await signIn(options) : undefined);
  try {
    return await open(options, token);
  } catch (err) {
    if (!(err instanceof SdkHttpError && err.status === 401))
      throw new Error(`could not connect to ${options.url}: ${(err as Error).message}`, {
        cause: err,
      });
    if (token)
      throw new Error(`${options.url} answered 401: the token was refused`, { cause: err });
    if (options.signIn === false)
      throw new Error(`${options.url} answered 401: it needs a token`, { cause: err });
  }
  const signedIn = await mcpSignIn(options.url, {
    redirectUri: options.redirectUri,
    scope: options.scope,
    openUrl: options.onAuthorizeUrl ?? ((url) => options.log(`open this URL to sign in: ${url}`)),
    fetch: options.fetch,
  }).catch((err: unknown) => {
    if (err instanceof SignInError && ['no_metadata', 'no_challenge'].includes(err.code))
      throw new Error(
        `${options.url} answered 401: pass --token, or --client-id and --client-secret to sign in with the plugin's OAuth (no MCP sign-in: ${err.message})`,
        { cause: err },
      );
    throw new Error(`could not sign in to ${options.url}: ${(err as Error).message}`, {
      cause: err,
    });
  });
  options.log(`signed in to ${signedIn.issuer} for ${signedIn.resource ?? options.url}`);
  return open(options, signedIn.accessToken).catch((err: Error) => {
    throw new Error(`${options.url} refused the token of the sign-in: ${err.message}`, {
      cause: err,
    });
  });
}
