import { parseArgs } from 'node:util';
import { callOperation } from './call-operation';
import { formatReport, reportJson, tally } from './format-report';
import { lintPlugin, type Host } from './lint-plugin';
import { MCP_USAGE, mcpMain } from './mcp-command';
import { pluginSource } from './read-plugin';

const USAGE = `usage:
  ai-plugin lint <url-or-dir> [--host openai|ernie] [--json]
  ai-plugin call <url> <operationId> [name=value ...] [--body JSON] [--token TOKEN]
                 [--client-id ID --client-secret SECRET [--redirect-uri URI]]
${MCP_USAGE}

lint   checks a plugin's manifest, spec, logo and examples against the hosts' rules
       (openai always; --host ernie adds ERNIE Bot's). Exit status 1 when there are errors.
call   calls an operation the way a host does: reads the manifest and spec, sends the request
       with the manifest's auth (a --token, or the OAuth flow with a local callback), and
       checks the answer against the spec.
mcp    lists the tools of any MCP server (name, title, hints, input fields), or calls one and
       prints its structured result; exit status 1 when the tool answers an error.`;

/** Runs the CLI with `argv` (without node and script); resolves to the exit status. */
export async function main(
  argv: string[],
  out = process.stdout,
  err = process.stderr,
): Promise<number> {
  if (argv[0] === 'mcp')
    return mcpMain(argv.slice(1), out, err).catch((e: Error) => {
      err.write(`ai-plugin: ${e.message}\n`);
      return 2;
    });
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      host: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      body: { type: 'string' },
      token: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
      'redirect-uri': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, target, ...rest] = positionals;
  if (values.help || !command || !target) {
    (values.help ? out : err).write(USAGE + '\n');
    return values.help ? 0 : 2;
  }
  try {
    if (command === 'lint') {
      const hosts = [...new Set<Host>(['openai', ...((values.host ?? []) as Host[])])];
      const unknown = hosts.find((h) => h !== 'openai' && h !== 'ernie');
      if (unknown) throw new Error(`\`--host\` must be openai or ernie, not \`${unknown}\``);
      const report = await lintPlugin(pluginSource(target), hosts);
      out.write((values.json ? reportJson(report) : formatReport(report)) + '\n');
      return tally(report).errors ? 1 : 0;
    }
    if (command === 'call') {
      const [operationId, ...params] = rest;
      if (!operationId) throw new Error('`call` needs an operationId after the URL');
      const result = await callOperation({
        url: target,
        operationId,
        params,
        body: values.body,
        token: values.token,
        oauth: values['client-id']
          ? {
              clientId: values['client-id'],
              clientSecret: values['client-secret'] ?? '',
              redirectUri: values['redirect-uri'],
            }
          : undefined,
        log: (line) => err.write(line + '\n'),
      });
      out.write(`${result.status}\n${result.text}\n`);
      for (const problem of result.problems) err.write(`✗ ${problem}\n`);
      return result.problems.length ? 1 : 0;
    }
    throw new Error(`unknown command \`${command}\``);
  } catch (e) {
    err.write(`ai-plugin: ${(e as Error).message}\n`);
    return 2;
  }
}
