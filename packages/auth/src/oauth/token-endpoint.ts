import type { Context } from 'koa';
import OAuth2Server from '@node-oauth/oauth2-server';
import { jsonBody } from '@repo/http';
import { readCredential } from '../credentials';
import type { Clients } from './clients';
import { isProblem, libraryRequest, oauthParams, toProblem, type OAuthProblem } from './oauth-http';

function answer(ctx: Context, problem: OAuthProblem, headers: Record<string, string> = {}) {
  ctx.status = problem.status;
  ctx.set(headers);
  ctx.body = { error: problem.error, error_description: problem.description };
}

/**
 * The token endpoint (RFC 6749 §3.2) around the library's token handler. It accepts JSON as
 * well as form bodies (the library reads only forms, so the parsed body is handed to it as
 * one), requires client authentication by exactly one method from the confidential client and
 * none from a registered public one, and answers every outcome as JSON with `Cache-Control:
 * no-store`.
 */
export function tokenEndpoint(server: OAuth2Server, clients: Clients) {
  const parse = jsonBody({ form: true });
  return async function tokenEndpoint(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('Pragma', 'no-cache');
    try {
      // Parsed here, so that a broken body is answered as an RFC 6749 error too.
      await parse(ctx, async () => {});
    } catch (caught) {
      return answer(ctx, toProblem(ctx, caught));
    }
    const params = oauthParams(ctx);
    if (isProblem(params)) return answer(ctx, params);
    const read = readCredential(ctx, 'basic');
    const basic = read.kind !== 'absent';
    const inBody = params.client_secret !== undefined;
    // RFC 6749 §2.3: exactly one method. Requiring a secret here also shuts the library's PKCE
    // path, which would otherwise let a confidential client in with its id alone.
    if (basic && inBody) {
      return answer(ctx, {
        status: 400,
        error: 'invalid_request',
        description:
          'send the client credentials in the Authorization header or the body, not both',
      });
    }
    // A `client_id` in the body beside Basic must name the client Basic authenticates. (Ids are
    // unreserved characters, so RFC 6749 §2.3.1's form-encoding leaves them as they are.)
    const basicId = read.kind === 'present' ? read.credential.split(':')[0] : undefined;
    if (basicId !== undefined && params.client_id !== undefined && params.client_id !== basicId) {
      return answer(ctx, {
        status: 400,
        error: 'invalid_request',
        description: '`client_id` is not the client the Authorization header authenticates',
      });
    }
    // A public client (RFC 7591 `none`) authenticates with nothing: PKCE binds its code to it.
    const isPublic = !basic && !inBody && (await clients.find(params.client_id))?.public;
    if (!basic && !inBody && !isPublic) {
      return answer(
        ctx,
        { status: 401, error: 'invalid_client', description: 'client authentication is required' },
        { 'WWW-Authenticate': 'Basic realm="token", charset="UTF-8"' },
      );
    }
    // The library reads form bodies only and checks the headers for one; the body is parsed
    // already, so it is described to the library as the form it is equivalent to.
    const form = new URLSearchParams(params).toString();
    const request = libraryRequest(ctx, params, {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(form)),
    });
    const response = new OAuth2Server.Response();
    try {
      await server.token(request, response);
    } catch (caught) {
      const headers = response.headers as Record<string, string>;
      const www = headers['www-authenticate'];
      return answer(ctx, toProblem(ctx, caught), www ? { 'WWW-Authenticate': www } : {});
    }
    ctx.status = 200;
    ctx.body = response.body;
  };
}
