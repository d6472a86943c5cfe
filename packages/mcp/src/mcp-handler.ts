import { createMcpHandler, fromJsonSchema, McpServer } from '@modelcontextprotocol/server';
import type { LoadedSpec } from '@repo/openapi';
import { argumentValidator } from './argument-validator';
import type { ToolResult } from './dispatch';
import { specTools, type SpecTool } from './spec-tools';

/** Runs one tool call; `authorization` is the MCP request's `Authorization` header. */
export type CallTool = (
  tool: SpecTool,
  args: Record<string, unknown>,
  authorization?: string | null,
) => Promise<ToolResult>;

/**
 * The SDK's stateless Streamable HTTP handler serving `spec`'s tools: the current revision and,
 * by the SDK's default `legacy: 'stateless'`, clients that negotiate 2025-11-25. The SDK builds
 * a server per request; the tools, their schemas and their compiled validators are built once,
 * here, and each request's server only registers them. Arguments are checked with the REST API's
 * ajv set-up, so a bad one is a tool error in the REST 400's words, naming the field. It checks no Origin and no token: put
 * `mcpEndpoint` in front of it.
 */
export function specMcpHandler(spec: LoadedSpec, callTool: CallTool) {
  const { title, version, description } = spec.document.info;
  const validator = argumentValidator();
  const tools = specTools(spec).map((tool) => ({
    tool,
    config: {
      title: tool.title,
      description: tool.description,
      inputSchema: fromJsonSchema<Record<string, unknown>>(tool.inputSchema, validator),
      outputSchema: tool.outputSchema && fromJsonSchema(tool.outputSchema, validator),
      annotations: tool.annotations,
    },
  }));
  return createMcpHandler(({ requestInfo }) => {
    const server = new McpServer({ name: title, version }, { instructions: description });
    const authorization = requestInfo?.headers.get('authorization');
    for (const { tool, config } of tools) {
      server.registerTool(tool.name, config, (args) => callTool(tool, args, authorization));
    }
    return server;
  });
}
