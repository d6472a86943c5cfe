export { main } from './cli';
export { HOSTS, lintPlugin, type Host, type LintReport } from './lint-plugin';
export { pluginSource, type PluginSource } from './read-plugin';
export { lintServedApp } from './lint-served-app';
export { callOperation, type CallOptions, type CallResult } from './call-operation';
export { runOAuthFlow, type OAuthFlowOptions } from './oauth-flow';
export { formatReport, reportJson, tally } from './format-report';
export { mcpMain } from './mcp-command';
export { connectMcp, type McpConnectOptions } from './mcp-connect';
