import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** What the upstream answered: the body is read only for a 2xx. */
export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpGetOptions {
  headers: Record<string, string>;
  /** The whole exchange, headers and body, must end within it. */
  timeoutMs: number;
  /** A 2xx body larger than this is refused, read no further than the limit. */
  maxBodyBytes: number;
}

/** The exchange did not end within `timeoutMs`. */
export class HttpTimeoutError extends Error {}
/** The body was larger than `maxBodyBytes`. */
export class HttpBodyTooLargeError extends Error {}

/**
 * GETs `url` with `node:http` or `node:https`. Redirects are answered, not followed, so headers
 * (the API key) go nowhere else. Rejects with `HttpTimeoutError`, `HttpBodyTooLargeError`, or the
 * socket's own error (`code` `ECONNREFUSED`, `ENOTFOUND`, `ECONNRESET`…); the connection is
 * destroyed whenever the answer is not read to its end.
 *
 * Not the global `fetch`: on Node 20 its first call loads undici, which grew this app's resident
 * memory by ~15 MiB (issue 7: the idle RSS target is 80 MiB).
 */
export function httpGet(url: string, options: HttpGetOptions): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let done = false;
    let req: ClientRequest;
    const finish = (error: Error | undefined, answer?: HttpAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else resolve(answer!);
    };
    const attempt = (retry: boolean) => {
      let responded = false;
      req = send(target, { method: 'GET', headers: options.headers }, (res) => {
        responded = true;
        const status = res.statusCode ?? 0;
        if (status < 200 || status > 299) {
          // The body of an error is not read: the socket goes rather than wait for it.
          finish(undefined, { status, headers: res.headers, body: '' });
          req.destroy();
          return;
        }
        const max = options.maxBodyBytes;
        if (Number(res.headers['content-length']) > max) {
          finish(new HttpBodyTooLargeError(`larger than ${max} bytes`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > max) finish(new HttpBodyTooLargeError(`larger than ${max} bytes`));
          else chunks.push(chunk);
        });
        res.on('end', () => {
          finish(undefined, {
            status,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          });
        });
        // The connection ended before the body did.
        res.on('close', () => {
          if (!res.complete) {
            finish(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
          }
        });
      });
      const sent = req;
      sent.on('error', (error: Error & { code?: string }) => {
        // A kept-alive socket the upstream closed just as it was reused: the request never got
        // there, so it is sent once more on a new connection (Node's docs advise this).
        if (retry && !responded && !done && sent.reusedSocket && error.code === 'ECONNRESET') {
          attempt(false);
        } else finish(error);
      });
      sent.end();
    };
    const timer = setTimeout(
      () => finish(new HttpTimeoutError(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    attempt(true);
  });
}
