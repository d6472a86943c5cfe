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
  try {
    return await lintPlugin(
      {
        target: origin,
        origin,
        manifestUrl: `${origin}/.well-known/ai-plugin.json`,
        read: async (url) =>
          new URL(url).origin === origin
            ? { ...(await fetchFile(local + url.slice(origin.length))), url }
            : { url, error: `${url} is not on ${origin}` },
      },
      [...hosts],
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
