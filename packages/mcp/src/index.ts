export { specTools, type SpecTool, type ArgumentPlace } from './spec-tools';
export { toJsonSchema, type JsonSchema } from './json-schema';
export type { ToolHints, XMcp } from './x-mcp';
