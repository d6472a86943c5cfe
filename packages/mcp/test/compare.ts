import { expect } from 'vitest';
import { restRequest } from '../src/dispatch';
import type { SpecTool } from '../src/spec-tools';
import type { TestClient } from './clients';

/** A REST answer: the status and the parsed JSON body. */
export interface RestAnswer {
  status: number;
  body: { message?: string; field?: string; [key: string]: unknown } | undefined;
}

interface McpAnswer {
  isError?: boolean;
  structuredContent?: unknown;
  content: { type: string; text?: string }[];
}

/** Sends the REST request a tool call stands for to `baseUrl`, with `headers`. */
export async function restAnswer(
  baseUrl: string,
  tool: SpecTool,
  args: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<RestAnswer> {
  const { method, url, body } = restRequest(tool, args);
  const res = await fetch(baseUrl + url, {
    method,
    headers: { accept: 'application/json', 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * Expects an MCP tool answer to say what the REST answer says: a 2xx body is the structured
 * content and the text; an error is a tool error whose text carries the REST error's message or
 * names its field.
 */
export function expectSameAnswer(mcp: unknown, rest: RestAnswer): void {
  const answer = mcp as McpAnswer;
  const text = answer.content.map((c) => c.text ?? '').join('\n');
  if (rest.status >= 200 && rest.status < 300) {
    expect(answer.isError ?? false, text).toBe(false);
    expect(answer.structuredContent).toEqual(rest.body);
    expect(JSON.parse(text)).toEqual(rest.body);
    return;
  }
  expect(answer.isError, `REST said ${rest.status}; MCP said ${text}`).toBe(true);
  // The app's own error reaches MCP word for word; one the tool's schema caught names the field.
  const said = [rest.body?.message, rest.body?.field].filter((s): s is string => Boolean(s));
  const why = `MCP said ${text}; REST said ${rest.status} ${JSON.stringify(rest.body)}`;
  expect(
    said.some((s) => text.includes(s)),
    why,
  ).toBe(true);
}

/** One step of a script: a tool and its arguments. */
export type Step = [tool: string, args: Record<string, unknown>];

/**
 * Runs `steps` as MCP calls through `client` and as REST requests to `restUrl` (a second app
 * with its own store, given the same history), and expects each pair of answers to agree.
 * Throws when the script leaves a tool out: every tool is called.
 */
export async function expectScriptAgrees(
  client: TestClient,
  restUrl: string,
  tools: SpecTool[],
  steps: Step[],
  headers: Record<string, string> = {},
): Promise<void> {
  const missing = tools.find((tool) => !steps.some(([name]) => name === tool.name));
  if (missing) throw new Error(`the script never calls \`${missing.name}\``);
  for (const [name, args] of steps) {
    const tool = tools.find((t) => t.name === name);
    if (!tool) throw new Error(`no tool \`${name}\``);
    const mcp = await client.callTool({ name, arguments: args });
    const rest = await restAnswer(restUrl, tool, args, headers);
    expectSameAnswer(mcp, rest);
  }
}
