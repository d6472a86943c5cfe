import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lintPlugin, type Host, type LintReport } from './lint-plugin';
import { fetchFile } from './read-plugin';

/**
 * Lints an app in-process as hosts see it at `publicOrigin` (the app built with that
 * `publicBaseUrl`): the app listens on a loopback port for the length of the lint, and every URL
 * on `publicOrigin` is read from there; nothing else is fetched. For an app's own tests.
 */
export async function lintServedApp(
  listener: RequestListener,
  publicOrigin: string,
  hosts: readonly Host[],
): Promise<LintReport> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = new URL(publicOrigin).origin;
  const onLoopback = (url: string) => local + url.slice(origin.length);
  try {
    return await lintPlugin(
      {
        target: origin,
        origin,
        manifestUrl: `${origin}/.well-known/ai-plugin.json`,
        read: async (url) =>
          new URL(url).origin === origin
            ? { ...(await fetchFile(onLoopback(url))), url }
            : { url, error: `${url} is not on ${origin}` },
        // MCP's client calls the origin itself: its requests go to the loopback port too.
        fetch: (input, init) => {
          const url = input instanceof Request ? input.url : String(input);
          if (new URL(url).origin !== origin) throw new Error(`${url} is not on ${origin}`);
          return fetch(onLoopback(url), init);
        },
      },
      [...hosts],
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
