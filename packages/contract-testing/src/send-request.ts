import type { Server } from 'node:http';
import request from 'supertest';
import { describeRequest, type GeneratedRequest } from './request-parts';

/** What the checker reads of an answer. */
export interface Answer {
  status: number;
  type: string;
  body: unknown;
  text: string;
}

/**
 * Sends `generated` to `server` with the suite's `headers` (a `null` in the request removes
 * one), and resolves to its answer. Rejects, naming the request, when no answer has come in
 * `timeoutMs`: a hang is a failure, not a slow pass.
 * @example const answer = await sendRequest(server, generated, { Authorization }, 2000);
 */
export async function sendRequest(
  server: Server,
  generated: GeneratedRequest,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<Answer> {
  let call = request(server)[generated.method as 'get'](generated.url).set(headers);
  for (const [name, value] of Object.entries(generated.headers)) {
    call = value === null ? call.unset(name) : call.set(name, value);
  }
  if (generated.body)
    call = call.set('Content-Type', generated.body.type).send(generated.body.text);
  try {
    const res = await call.timeout(timeoutMs);
    return { status: res.status, type: res.type, body: res.body as unknown, text: res.text ?? '' };
  } catch (err) {
    const { timeout, message } = err as { timeout?: number; message?: string };
    const what = timeout ? `did not answer within ${timeoutMs} ms` : `failed: ${message}`;
    throw new Error(`${describeRequest(generated)} ${what}`, { cause: err });
  }
}
