import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Where the broken plugin's files point: another host, which the console must never fetch. */
export const ELSEWHERE = 'http://plugin-files.elsewhere.example';

/**
 * A running plugin whose manifest breaks the hosts' rules: a `<script>` name, no
 * `description_for_model`, its spec and logo on another host.
 */
export async function startBrokenPlugin(): Promise<{ url: string; server: Server }> {
  const manifest = {
    schema_version: 'v1',
    name_for_human: '<script>window.pwned=1</script>',
    name_for_model: 'broken plugin!',
    description_for_human: 'A plugin that breaks the rules.',
    auth: { type: 'none' },
    api: { type: 'openapi', url: `${ELSEWHERE}/openapi.yaml` },
    logo_url: `${ELSEWHERE}/logo.png`,
    contact_email: 'nobody',
    legal_info_url: 'not a url',
  };
  const server = createServer((req, res) => {
    if (req.url === '/.well-known/ai-plugin.json')
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(manifest));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
