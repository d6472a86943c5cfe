import { expect } from 'vitest';
import { postToolsList } from './clients';

/** How an app's `/mcp` answers a request without a usable bearer token. */
export interface BearerRefusals {
  /** The whole `WWW-Authenticate` of the 401 that answers a request with no token. */
  challenge: string;
  /** The token sent in the query string; a valid one shows it is the place that is refused. */
  queryToken?: string;
}

/**
 * Expects the `/mcp` at `url` to refuse `tools/list`: no token is a 401 with `challenge`
 * (RFC 6750 §3), a token the app never issued a 401 `invalid_token` (RFC 6750 §3.1), and a token
 * in the query string a 400 (MCP authorization: tokens go in the `Authorization` header only).
 */
export async function expectBearerRefusals(url: string, refusals: BearerRefusals): Promise<void> {
  const none = await postToolsList(url);
  expect(none.status).toBe(401);
  expect(none.headers.get('www-authenticate')).toBe(refusals.challenge);
  const forged = await postToolsList(url, { Authorization: 'Bearer not-a-token-it-issued' });
  expect(forged.status).toBe(401);
  expect(forged.headers.get('www-authenticate')).toContain('error="invalid_token"');
  const query = new URLSearchParams({ access_token: refusals.queryToken ?? 'a-token' });
  const inQuery = await postToolsList(`${url}?${query}`);
  expect(inQuery.status).toBe(400);
}
