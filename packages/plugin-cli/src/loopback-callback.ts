import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SignInError } from './sign-in-error';

export interface LoopbackCallback {
  /** The redirect URI it listens on, as registered with the authorization server. */
  redirectUri: string;
  /**
   * Resolves to the query of the first request on the redirect path (one that came before the
   * call included) if its `state` is `state`; rejects on another `state`, after `timeoutMs`,
   * or when `signal` aborts.
   */
  wait(
    state: string,
    options: { timeoutMs: number; signal?: AbortSignal | undefined },
  ): Promise<URLSearchParams>;
  /** Stops listening; a `wait` still pending rejects as aborted. */
  close(): void;
}

const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];
const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Listens on a loopback redirect URI (RFC 8252 §7.3): `redirectUri` as given, or
 * http://127.0.0.1:<free port>/callback. Throws when `redirectUri` is not on loopback.
 */
export async function listenForCallback(redirectUri?: string): Promise<LoopbackCallback> {
  const wanted = redirectUri ? new URL(redirectUri) : undefined;
  if (wanted && (wanted.protocol !== 'http:' || !LOOPBACK.includes(wanted.hostname)))
    throw new Error(
      `the redirect URI must be http on loopback (127.0.0.1, localhost or [::1]), not ${redirectUri}`,
    );
  // A browser may come back before `wait` is called: its request waits for the handler.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const early: [IncomingMessage, ServerResponse][] = [];
  const server = createServer((req, res) => (handle ? handle(req, res) : early.push([req, res])));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(
      Number(wanted?.port || 0),
      wanted?.hostname.replace(/[[\]]/g, '') ?? '127.0.0.1',
      resolve,
    );
  });
  const port = (server.address() as { port: number }).port;
  // A redirect URI without a port (or port 0) gets the free port the system chose.
  const uri = new URL(wanted ?? 'http://127.0.0.1/callback');
  uri.port = String(port);
  const path = uri.pathname;
  let cancel: (() => void) | undefined;
  const close = () => {
    cancel?.();
    server.closeAllConnections();
    server.close();
  };
  const wait: LoopbackCallback['wait'] = (state, { timeoutMs, signal }) =>
    new Promise((resolve, reject) => {
      const fail = (error: Error) => (cleanup(), reject(error));
      const timer = setTimeout(
        () =>
          fail(
            new SignInError(
              'timeout',
              `no sign-in came back to ${uri} within ${timeoutMs / 1000} s`,
            ),
          ),
        timeoutMs,
      );
      const onAbort = () => fail(new SignInError('aborted', 'the sign-in was cancelled'));
      cancel = onAbort;
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        handle = undefined;
        cancel = undefined;
      };
      function onRequest(req: IncomingMessage, res: ServerResponse) {
        const url = new URL(req.url ?? '/', uri);
        if (url.pathname !== path) return void res.writeHead(404).end();
        const reply = (text: string) =>
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
        // RFC 6749 §10.12: a callback whose state is not the one we sent is not ours to trust.
        if (!timingSafeEqual(digest(url.searchParams.get('state') ?? ''), digest(state))) {
          reply('state mismatch: not completing this sign-in');
          return fail(
            new SignInError('state_mismatch', 'the callback came back with a different `state`'),
          );
        }
        reply(
          url.searchParams.has('error')
            ? 'the sign-in was refused: you can close this window'
            : 'signed in: you can close this window',
        );
        cleanup();
        resolve(url.searchParams);
      }
      if (signal?.aborted) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      handle = onRequest;
      for (const [req, res] of early.splice(0)) handle?.(req, res);
    });
  return { redirectUri: uri.href, wait, close };
}
