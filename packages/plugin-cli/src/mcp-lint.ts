import { SdkHttpError, type Tool } from '@modelcontextprotocol/client';
import { specTools, type SpecTool } from '@repo/mcp';
import { checkRules, type RuleFinding } from '@repo/lint';
import { dereferenceSpec, type OpenApiDocument } from '@repo/openapi';
import { connectMcp } from './mcp-connect';
import { MCP_RULES } from './mcp-rules';

/**
 * Lists the tools at `<origin>/mcp` and checks them against the tools the spec makes. No
 * findings when the origin serves no MCP (404 or 405); a warning when it asks for credentials.
 */
export async function lintMcpTools(
  origin: string,
  document: OpenApiDocument,
  fetchImpl?: typeof fetch,
): Promise<RuleFinding[]> {
  const url = new URL('/mcp', origin).href;
  let served: Tool[];
  try {
    const client = await connectMcp({ url, log: () => {}, fetch: fetchImpl, signIn: false });
    try {
      served = (await client.listTools()).tools;
    } finally {
      await client.close();
    }
  } catch (err) {
    const status =
      (err as Error).cause instanceof SdkHttpError
        ? ((err as Error).cause as SdkHttpError).status
        : 0;
    if (status === 404 || status === 405) return [];
    return [
      {
        rule: 'mcp/reachable',
        severity: status === 401 || status === 403 ? 'warning' : 'error',
        path: '$',
        message: `${(err as Error).message}; its tools were not checked`,
        fix:
          status === 401 || status === 403
            ? 'run `pnpm plugin mcp tools` (it signs in, or takes `--token`) to see them'
            : 'serve MCP over Streamable HTTP at /mcp',
      },
    ];
  }
  let expected: SpecTool[] = [];
  let specError: string | undefined;
  try {
    expected = specTools({
      file: 'the spec',
      text: '',
      document: dereferenceSpec(document),
      checkedAtBuild: false,
    });
  } catch (err) {
    specError = (err as Error).message;
  }
  return checkRules(MCP_RULES, { expected, specError, served });
}
