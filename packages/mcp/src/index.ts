export { specTools, type SpecTool, type ArgumentPlace } from './spec-tools';
export { toJsonSchema, type JsonSchema } from './json-schema';
export type { ToolHints, XMcp } from './x-mcp';
export {
  inProcessCaller,
  restRequest,
  toolResult,
  type RestRequest,
  type ToolResult,
} from './dispatch';
export { specMcpHandler, type CallTool } from './mcp-handler';
export { mcpEndpoint, type McpEndpointOptions } from './mcp-endpoint';
