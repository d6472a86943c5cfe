/** What the upstream answered: the body is read only for a 2xx. */
export interface TextAnswer {
  status: number;
  headers: Headers;
  body: string;
}

/** The body was larger than the limit. */
export class BodyTooLargeError extends Error {}

/**
 * GETs `url` with `fetch` and reads a 2xx body as text, refusing one larger than `maxBodyBytes`
 * without reading further; sends it twice at most. Redirects are answered, not followed (`redirect: 'manual'`), so the
 * headers (the API key) go nowhere else. Rejects with `BodyTooLargeError`, with `signal`'s reason
 * when it aborts (headers or body), or with fetch's `TypeError` when the connection fails.
 */
export async function fetchText(
  url: string,
  options: { headers: Record<string, string>; signal: AbortSignal; maxBodyBytes: number },
): Promise<TextAnswer> {
  const { headers, signal, maxBodyBytes } = options;
  const send = () => fetch(url, { headers, signal, redirect: 'manual' });
  // RFC 9110 §9.2.2: a GET is idempotent, so one whose connection failed before any answer came
  // (typically a kept-alive connection the upstream closed just as it was reused) is sent once more.
  const res = await send().catch((err: unknown) => (signal.aborted ? Promise.reject(err) : send()));
  if (res.status < 200 || res.status > 299 || !res.body) {
    // The body of an error is not read: the connection goes rather than wait for it.
    await res.body?.cancel().catch(() => undefined);
    return { status: res.status, headers: res.headers, body: '' };
  }
  const tooLarge = () => new BodyTooLargeError(`larger than ${maxBodyBytes} bytes`);
  if (Number(res.headers.get('content-length')) > maxBodyBytes) {
    await res.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    size += chunk.byteLength;
    // Leaving the loop early cancels the stream, and with it the connection.
    if (size > maxBodyBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return { status: res.status, headers: res.headers, body: Buffer.concat(chunks).toString() };
}
