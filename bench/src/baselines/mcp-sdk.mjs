// Peer: the official MCP SDK alone, with none of our layers: `createMcpHandler` (stateless, a
// server per request, as the SDK serves) with one tool, the app's own, answering the result the
// app gave from memory. Its schemas are built once, at start, not in the per-request factory.
// Usage: node mcp-sdk.mjs <mcp-call.json> (PORT from the environment).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { McpServer, createMcpHandler, fromJsonSchema } from '@modelcontextprotocol/server';

const { tool, result } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const config = {
  title: tool.title,
  description: tool.description,
  inputSchema: fromJsonSchema(tool.inputSchema),
  outputSchema: tool.outputSchema && fromJsonSchema(tool.outputSchema),
  annotations: tool.annotations,
};
const answer = { content: result.content, structuredContent: result.structuredContent };
const mcp = toNodeHandler(
  createMcpHandler(() => {
    const server = new McpServer({ name: 'mcp-sdk-peer', version: '1.0.0' });
    server.registerTool(tool.name, config, () => answer);
    return server;
  }),
);
createServer((req, res) => {
  if (req.url === '/mcp') return void mcp(req, res);
  // Any other path answers 200: it is how the bench sees the peer is up.
  res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
}).listen(Number(process.env.PORT), '127.0.0.1');
