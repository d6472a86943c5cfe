import type { Context } from 'koa';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { jsonBody } from '@repo/http';
import { redisClientOf, type Store } from '@repo/store';
import { redirectUriProblem } from './check-client';
import type { Clients, Registration } from './clients';

export interface RegistrationOptions {
  clients: Clients;
  store: Store;
  keyPrefix: string;
  /** Registrations one client address may make per hour. */
  perAddressPerHour: number;
}

const MAX_REDIRECT_URIS = 5;
const NAME = /^[^\p{Cc}]{1,100}$/u; // 1 to 100 characters, no control characters
const GRANT_TYPES = ['authorization_code', 'refresh_token'];

type Problem = { error: 'invalid_redirect_uri' | 'invalid_client_metadata'; description: string };
const problem = (error: Problem['error'], description: string): Problem => ({
  error,
  description,
});

/** Checks RFC 7591 §2 client metadata: a public client of this server's grant, or a problem. */
export function checkRegistration(body: unknown): Registration | Problem {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return problem('invalid_client_metadata', 'the body must be a JSON object of client metadata');
  }
  const meta = body as Record<string, unknown>;
  const uris = meta.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0 || uris.length > MAX_REDIRECT_URIS) {
    const words = `1 to ${MAX_REDIRECT_URIS} redirect URIs`;
    return problem('invalid_redirect_uri', `\`redirect_uris\` must be an array of ${words}`);
  }
  for (const uri of uris) {
    const wrong = redirectUriProblem(uri);
    if (wrong) return problem('invalid_redirect_uri', wrong);
  }
  const method = meta.token_endpoint_auth_method;
  if (method !== undefined && method !== 'none') {
    const words = 'only public clients (`none`) may register';
    return problem('invalid_client_metadata', `\`token_endpoint_auth_method\`: ${words}`);
  }
  const grants = meta.grant_types;
  if (
    grants !== undefined &&
    !(Array.isArray(grants) && grants.every((g) => GRANT_TYPES.includes(g)))
  ) {
    return problem(
      'invalid_client_metadata',
      `\`grant_types\` must be among ${GRANT_TYPES.join(', ')}`,
    );
  }
  const types = meta.response_types;
  if (types !== undefined && !(Array.isArray(types) && types.every((t) => t === 'code'))) {
    return problem('invalid_client_metadata', '`response_types` must be `code` only');
  }
  const name = meta.client_name;
  if (name !== undefined && (typeof name !== 'string' || !NAME.test(name))) {
    return problem('invalid_client_metadata', '`client_name` must be 1 to 100 characters');
  }
  return { redirectUris: uris as string[], ...(name !== undefined && { name: name as string }) };
}

/**
 * The client registration endpoint (RFC 7591 §3) for public clients: checks the metadata,
 * stores the client (`Clients.register`) and answers 201 with its id and the metadata as
 * registered. Bounded: a small body, a few redirect URIs, a number of registrations per address
 * and hour (429 past it), and registrations never used expire.
 */
export function registrationEndpoint(options: RegistrationOptions) {
  const { clients, store, keyPrefix, perAddressPerHour } = options;
  const parse = jsonBody({ limit: '4kb' });
  const redis = redisClientOf(store);
  const limit = {
    keyPrefix: `limit:${keyPrefix}:oauth:register`,
    points: perAddressPerHour,
    duration: 3600,
  };
  const limiter = redis
    ? new RateLimiterRedis({ ...limit, storeClient: redis })
    : new RateLimiterMemory(limit);

  return async function register(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    try {
      await limiter.consume(ctx.ip);
    } catch (caught) {
      if (!(caught instanceof RateLimiterRes)) throw caught;
      const retryAfter = Math.max(1, Math.ceil(caught.msBeforeNext / 1000));
      ctx.throw(429, 'too many client registrations from this address', {
        headers: { 'Retry-After': String(retryAfter) },
      });
    }
    await parse(ctx, async () => {});
    const checked = checkRegistration(ctx.request.body);
    if ('error' in checked) {
      // RFC 7591 §3.2.2: a 400 with `error` and `error_description`.
      ctx.status = 400;
      ctx.body = { error: checked.error, error_description: checked.description };
      return;
    }
    const clientId = await clients.register(checked);
    ctx.status = 201;
    ctx.body = {
      client_id: clientId,
      client_id_issued_at: Math.floor(Date.now() / 1000),
      ...(checked.name !== undefined && { client_name: checked.name }),
      redirect_uris: checked.redirectUris,
      grant_types: GRANT_TYPES,
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  };
}
