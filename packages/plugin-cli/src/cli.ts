import { parseArgs } from 'node:util';
import { callOperation } from './call-operation';
import { formatReport, reportJson, tally } from './format-report';
import { HOSTS, lintPlugin, type Host } from './lint-plugin';
import { MCP_USAGE, mcpMain } from './mcp-command';
import { pluginSource } from './read-plugin';

const USAGE = `usage:
  ai-plugin lint <url-or-dir> [--host openai|ernie|actions|all] [--json]
  ai-plugin call <url> <operationId> [name=value ...] [--body JSON] [--token TOKEN]
                 [--allow-origin ORIGIN]
                 [--client-id ID --client-secret SECRET [--redirect-uri URI]]
${MCP_USAGE}

lint   checks a plugin's manifest, spec, logo and examples against the hosts' rules
       (openai always; --host ernie adds ERNIE Bot's, --host actions GPT Actions', --host all
       every host's). Exit status 1 when there are errors.
call   calls an operation the way a host does: reads the manifest and spec, sends the request
       with the manifest's auth (a --token, or the OAuth flow with a local callback), and
       checks the answer against the spec. The credentials go to the manifest's origin
       only; --allow-origin names one more the spec's server may be on.
mcp    lists the tools of any MCP server (name, title, hints, input fields), or calls one and
       prints its structured result; exit status 1 when the tool answers an error. A server
       that answers 401 naming its OAuth metadata is signed in to in your browser (MCP
       authorization: discovery, registration, PKCE, resource); exit status 2 if that fails.`;

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
      'allow-origin': { type: 'string' },
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
      const asked: string[] = (values.host ?? []).flatMap((h) => (h === 'all' ? [...HOSTS] : [h]));
      const unknown = asked.find((h) => !HOSTS.includes(h as Host));
      if (unknown)
        throw new Error(`\`--host\` must be openai, ernie, actions or all, not \`${unknown}\``);
      const hosts = HOSTS.filter((h) => h === 'openai' || asked.includes(h));
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
        allowOrigin: values['allow-origin'],
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
