import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Koa from 'koa';
import { loadSpec } from '@repo/openapi';
import { specTools, type SpecTool } from '../src/spec-tools';
import { CLIENTS, EXPECTED_REVISION, connect, listen, postToolsList } from './clients';
import type { ClientKind, TestClient } from './clients';
import { expectScriptAgrees, restAnswer, type RestAnswer, type Step } from './compare';

/** What `describeMcpApp` needs to know of an app. */
export interface McpAppOptions {
  /** The app's OpenAPI spec, the source of its tools. */
  spec: URL;
  /** Makes a new app with a store of its own; called for the MCP side and for its REST twin. */
  app: () => Koa | Promise<Koa>;
  /**
   * Headers every request to `app` carries, such as its token (none when left out). Called once
   * per app made, so an app that issues its own tokens can sign a user in on each side.
   */
  headers?: (app: Koa) => Record<string, string> | Promise<Record<string, string>>;
  /** The tools `tools/list` must answer, in this order, each with hints it must carry. */
  listed: Record<string, Record<string, unknown>>;
  /** Calls of every tool, good and bad, answered on both sides (see `expectScriptAgrees`). */
  script: Step[];
  /** A host origin the app's CORS allow-list accepts; another origin must get a 403. */
  allowedOrigin: string;
}

/** One running app: its URL and the headers each request to it carries. */
export interface AppSide {
  url: string;
  headers: Record<string, string>;
}

/** What an app's own tests get: filled in before they run. */
export interface McpAppContext {
  kind: ClientKind;
  /** The client, connected to `mcp`'s `/mcp`. */
  client: TestClient;
  /** The app the client talks to. */
  mcp: AppSide;
  /** Its twin, with a store of its own, given the same calls through REST. */
  rest: AppSide;
  /** Sends the REST request that tool `name` with `args` stands for to `mcp`: the client's store. */
  restAnswer(name: string, args: Record<string, unknown>): Promise<RestAnswer>;
}

/**
 * Declares an app's MCP tests, once for each official client (`CLIENTS`): a twin pair of apps,
 * the client on one; tests that the client negotiates its revision and lists `listed`, that each
 * step of `script` answers as REST does, that an unknown tool is a JSON-RPC error, and that `/mcp`
 * checks the origin. `appTests` adds the app's own tests, run in the same block.
 */
export function describeMcpApp(
  name: string,
  options: McpAppOptions,
  appTests: (t: McpAppContext) => void = () => {},
): void {
  describe.each(CLIENTS)(`${name} over MCP with the %s client`, (kind) => {
    const t = { kind } as McpAppContext;
    let tools: SpecTool[];
    const closers: (() => Promise<void>)[] = [];
    beforeAll(async () => {
      tools = specTools(await loadSpec(options.spec));
      const [mcp, rest] = await Promise.all([start(options), start(options)]);
      closers.push(mcp.close, rest.close);
      t.mcp = mcp;
      t.rest = rest;
      t.client = await connect(kind, `${mcp.url}/mcp`, mcp.headers);
      closers.unshift(() => t.client.close());
      t.restAnswer = (tool, args) => restAnswer(mcp.url, toolNamed(tools, tool), args, mcp.headers);
    });
    afterAll(async () => {
      for (const close of closers) await close();
    });

    it('negotiates its revision and lists its tools in order, with their hints', async () => {
      expect(t.client.protocolVersion).toBe(EXPECTED_REVISION[kind]);
      const listed = (await t.client.listTools()).tools;
      expect(listed.map((tool) => tool.name)).toEqual(Object.keys(options.listed));
      for (const tool of listed) {
        expect(tool.annotations ?? {}, tool.name).toMatchObject(options.listed[tool.name]!);
      }
    });

    it('answers every tool as the REST API answers the same request', async () => {
      await expectScriptAgrees(t.client, t.rest.url, tools, options.script, t.rest.headers);
    }, 30_000);

    it('answers an unknown tool with a JSON-RPC error', async () => {
      const call = t.client.callTool({ name: 'dropTable', arguments: {} });
      await expect(call).rejects.toThrow(/dropTable/);
    });

    it(`accepts the origin ${options.allowedOrigin} and refuses another with a 403`, async () => {
      const { url, headers } = t.mcp;
      const allowed = await postToolsList(`${url}/mcp`, {
        origin: options.allowedOrigin,
        ...headers,
      });
      expect(allowed.status).toBe(200);
      const other = await postToolsList(`${url}/mcp`, {
        origin: 'https://attacker.example',
        ...headers,
      });
      expect(other.status).toBe(403);
    });

    appTests(t);
  });
}

async function start(options: McpAppOptions): Promise<AppSide & { close: () => Promise<void> }> {
  const app = await options.app();
  const headers = (await options.headers?.(app)) ?? {};
  return { ...(await listen(app)), headers };
}

function toolNamed(tools: SpecTool[], name: string): SpecTool {
  const tool = tools.find((t) => t.name === name);
  if (!tool) throw new Error(`no tool \`${name}\``);
  return tool;
}
