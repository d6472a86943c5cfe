import { parseArgs } from 'node:util';
import { toolArguments, resultText } from './mcp-call';
import { connectMcp } from './mcp-connect';
import { formatTools } from './mcp-tools';

export const MCP_USAGE = `  ai-plugin mcp tools <mcp-url> [--token TOKEN] [--redirect-uri URI] [--scope SCOPE] [--legacy]
  ai-plugin mcp call <mcp-url> <tool> [name=value ...] [--json '{...}'] [--token TOKEN]
                 [--client-id ID --client-secret SECRET] [--redirect-uri URI] [--scope SCOPE]
                 [--legacy]`;

type Out = Pick<NodeJS.WriteStream, 'write'>;

/**
 * `ai-plugin mcp tools|call`: lists the tools of any MCP server, or calls one and prints its
 * structured result. Resolves to the exit status: 1 when the tool answered an error.
 */
export async function mcpMain(argv: string[], out: Out, err: Out): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'string' },
      token: { type: 'string' },
      legacy: { type: 'boolean', default: false },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string' },
      scope: { type: 'string' },
    },
  });
  const [command, url, name, ...pairs] = positionals;
  if (command !== 'tools' && command !== 'call')
    throw new Error(`\`mcp\` takes \`tools\` or \`call\`, not \`${command ?? ''}\``);
  if (!url || !URL.canParse(url)) throw new Error(`\`mcp ${command}\` needs the server's MCP URL`);
  if (command === 'call' && !name) throw new Error('`mcp call` needs a tool name after the URL');
  const client = await connectMcp({
    url,
    token: values.token,
    legacy: values.legacy,
    redirectUri: values['redirect-uri'],
    scope: values.scope,
    oauth: values['client-id']
      ? {
          clientId: values['client-id'],
          clientSecret: values['client-secret'] ?? '',
          redirectUri: values['redirect-uri'],
        }
      : undefined,
    log: (line) => err.write(line + '\n'),
  });
  try {
    const { tools } = await client.listTools();
    if (command === 'tools') {
      out.write(formatTools(tools) + '\n');
      return 0;
    }
    const tool = tools.find((t) => t.name === name);
    if (!tool)
      throw new Error(`no tool \`${name}\`; the server has ${tools.map((t) => t.name).join(', ')}`);
    const result = await client.callTool({
      name: tool.name,
      arguments: toolArguments(tool, pairs, values.json),
    });
    if (result.isError) {
      err.write(`✗ ${tool.name} answered a tool error:\n${resultText(result)}\n`);
      return 1;
    }
    out.write(resultText(result) + '\n');
    return 0;
  } finally {
    await client.close();
  }
}
