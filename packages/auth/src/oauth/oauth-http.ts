import type { Context } from 'koa';
import OAuth2Server from '@node-oauth/oauth2-server';

const { OAuthError } = OAuth2Server;

/**
 * The library's view of a Koa request: the already-parsed `body` and, for the headers it reads
 * (`Authorization`, `Content-Type`), single string values.
 */
export function libraryRequest(
  ctx: Context,
  body: Record<string, string>,
  headers: Record<string, string> = {},
): OAuth2Server.Request {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return new OAuth2Server.Request({
    method: ctx.method,
    query: {},
    headers: { ...flat, ...headers },
    body,
  });
}

/** An RFC 6749 §5.2 error: its `error` code, a description, and the HTTP status to answer with. */
export interface OAuthProblem {
  status: number;
  error: string;
  description: string;
}

/**
 * Turns anything thrown while handling an OAuth request into an RFC 6749 error. Library errors
 * keep their code and status; anything else is a 500 `server_error` whose detail stays private
 * and is re-emitted to `app.on('error')`.
 */
export function toProblem(ctx: Context, caught: unknown): OAuthProblem {
  if (caught instanceof OAuthError && caught.code < 500) {
    return { status: caught.code, error: caught.name, description: caught.message };
  }
  const status = (caught as { status?: unknown })?.status;
  if (
    !(caught instanceof OAuthError) &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  ) {
    // A body the parser refused (broken JSON, too large) is the client's mistake.
    return { status, error: 'invalid_request', description: (caught as Error).message };
  }
  const inner =
    caught instanceof OAuthError ? ((caught as { inner?: unknown }).inner ?? caught) : caught;
  ctx.app.emit('error', inner, ctx);
  return {
    status: 500,
    error: 'server_error',
    description: 'the server could not handle the request',
  };
}

/** A request's form or JSON body as OAuth parameters: strings only, each at most once. */
export function oauthParams(ctx: Context): Record<string, string> | OAuthProblem {
  const body: unknown = ctx.request.body;
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) {
    return {
      status: 400,
      error: 'invalid_request',
      description: 'the body must be an object of parameters',
    };
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(body)) {
    // RFC 6749 §3.2: parameters must not repeat; a JSON number or object is not a parameter.
    if (typeof value !== 'string') {
      return {
        status: 400,
        error: 'invalid_request',
        description: `\`${name}\` must be one string`,
      };
    }
    params[name] = value;
  }
  return params;
}

export function isProblem(value: unknown): value is OAuthProblem {
  return typeof value === 'object' && value !== null && 'error' in value && 'status' in value;
}
