import { load } from 'js-yaml';
import { callOperation, connectMcp, fetchFile, resultText } from '@repo/plugin-cli';
import type { OriginGuard } from './origin-guard';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface RestCall {
  url: string;
  operationId: string;
  params: Record<string, string>;
  body?: string | undefined;
  token?: string | undefined;
}

/** Thrown when the plugin could not be called as asked; a 422 with this message. */
export class CallFailed extends Error {
  readonly status = 422;
  readonly expose = true;
}

async function readText(url: string, guard: OriginGuard): Promise<string> {
  guard.check(url);
  const file = await fetchFile(url);
  if (!file.bytes) throw new CallFailed(file.error);
  return file.bytes.toString('utf8');
}

/**
 * Checks every URL `callOperation` will reach (manifest, spec, API server, token endpoint)
 * against the guard first: that function uses the global `fetch`, which the guard cannot wrap.
 */
async function checkReach(url: string, guard: OriginGuard): Promise<void> {
  const manifestUrl = new URL('/.well-known/ai-plugin.json', url).href;
  const manifest = JSON.parse(await readText(manifestUrl, guard)) as Json;
  const specUrl = new URL(manifest.api?.url ?? '', manifestUrl).href;
  const spec = load(await readText(specUrl, guard)) as Json;
  if (spec?.servers?.[0]?.url) guard.check(new URL(spec.servers[0].url, specUrl).href);
  if (manifest.auth?.authorization_url) guard.check(manifest.auth.authorization_url);
}

/** Calls one REST operation as `pnpm plugin call` does; resolves to the answer and its timing. */
export async function callRest(call: RestCall, guard: OriginGuard) {
  await checkReach(call.url, guard);
  const params = Object.entries(call.params)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}=${value}`);
  const started = performance.now();
  try {
    const result = await callOperation({
      url: call.url,
      operationId: call.operationId,
      params,
      body: call.body || undefined,
      token: call.token || undefined,
      log: () => {},
    });
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (err) {
    throw new CallFailed((err as Error).message);
  }
}

export interface McpCall {
  url: string;
  token?: string | undefined;
  tool?: string | undefined;
  arguments?: Record<string, unknown> | undefined;
}

/** Lists a plugin's MCP tools, or calls one, with the official client as `pnpm plugin mcp` does. */
export async function callMcp(call: McpCall, guard: OriginGuard) {
  const url = new URL('/mcp', call.url).href;
  guard.check(url);
  const started = performance.now();
  let client;
  try {
    client = await connectMcp({
      url,
      token: call.token || undefined,
      fetch: guard.fetch,
      // the page signs in itself; a 401 here is an answer to show, not a sign-in to wait for
      signIn: false,
      log: () => {},
    });
  } catch (err) {
    throw new CallFailed((err as Error).message);
  }
  try {
    const { tools } = await client.listTools();
    if (!call.tool) return { tools };
    const result = await client.callTool({ name: call.tool, arguments: call.arguments ?? {} });
    return {
      isError: Boolean(result.isError),
      text: resultText(result),
      ms: Math.round(performance.now() - started),
    };
  } catch (err) {
    throw new CallFailed((err as Error).message);
  } finally {
    await client.close();
  }
}
