import type { Context } from 'koa';
import OAuth2Server from '@node-oauth/oauth2-server';
import { publicOrigin } from '@repo/http';
import {
  REQUEST_FIELDS,
  checkAuthorizationRequest,
  errorRedirect,
  type AuthorizationRequest,
} from './authorization-request';
import type { Clients, KnownClient } from './clients';
import type { CsrfGuard } from './csrf';
import { isProblem, libraryRequest, oauthParams, toProblem } from './oauth-http';
import { consentPage, errorPage, pageHeaders } from './pages';
import type { SignInLimiter } from './sign-in-limits';

/** Who may sign in: resolves to the user's name, or `undefined` for wrong credentials. */
export interface UserDirectory {
  authenticate(username: string, password: string): Promise<string | undefined>;
}

export interface AuthorizeEndpointOptions {
  server: OAuth2Server;
  clients: Clients;
  users: UserDirectory;
  scopes: Record<string, string>;
  csrf: CsrfGuard;
  /** Counts sign-in attempts per user name and per address; refuses past the limits (429). */
  limiter: SignInLimiter;
  appName: string;
  /** The path the form posts back to: this endpoint. */
  action: string;
  /** The public base URL; without it, the request's origin is the issuer. */
  publicBaseUrl?: string | undefined;
  /** The paths of the resources (RFC 8707) a client may ask a token for, such as `/mcp`. */
  resourcePaths: string[];
}

/**
 * The authorization endpoint (RFC 6749 §3.1): `show` answers the host's GET with the sign-in
 * and consent page, `decide` takes the form's POST and, once the CSRF token, the user's
 * password and their consent check out, lets the library issue the code and redirect with it
 * and the same `state`. A request that cannot be trusted gets an error page, never a redirect.
 */
export function authorizeEndpoint(options: AuthorizeEndpointOptions) {
  const { server, clients, users, scopes, csrf, limiter, appName, action } = options;
  const scopeNames = Object.keys(scopes);
  const issuer = (ctx: Context) => publicOrigin(ctx, options.publicBaseUrl);
  const resources = (ctx: Context) => options.resourcePaths.map((path) => issuer(ctx) + path);
  const clientOf = (id: unknown) => clients.find(Array.isArray(id) ? undefined : id);

  function refuse(ctx: Context, status: number, title: string, message: string, headers = {}) {
    ctx.status = status;
    ctx.set({ ...pageHeaders(), ...headers });
    ctx.type = 'html';
    ctx.body = errorPage(appName, title, message);
  }

  // Every response that goes back to the client says who sent it (RFC 9207 §2).
  function redirect(ctx: Context, location: string) {
    const url = new URL(location);
    url.searchParams.set('iss', issuer(ctx));
    ctx.set(pageHeaders());
    ctx.redirect(url.href);
  }

  function render(
    ctx: Context,
    status: number,
    request: AuthorizationRequest,
    client: KnownClient,
    extra = {},
  ) {
    const granted = request.scope ? request.scope.split(' ') : scopeNames;
    ctx.status = status;
    // The form's POST ends in a redirect to the client, which `form-action` must allow.
    ctx.set(pageHeaders([new URL(request.redirect_uri).origin]));
    ctx.type = 'html';
    ctx.body = consentPage({
      appName,
      action,
      request,
      clientName: client.name,
      scopeWords: granted.map((name) => scopes[name] ?? name),
      csrfToken: csrf.issue(ctx, request),
      ...extra,
    });
  }

  return {
    show: async function showSignIn(ctx: Context) {
      const client = await clientOf(ctx.query.client_id);
      const checked = checkAuthorizationRequest(ctx.query, client, scopeNames, resources(ctx));
      if (checked.kind === 'refuse')
        return refuse(ctx, 400, 'This sign-in link is not valid', checked.message);
      if (checked.kind === 'redirect') {
        const { redirectUri, error, description, state } = checked;
        return redirect(ctx, errorRedirect(redirectUri, error, description, state));
      }
      render(ctx, 200, checked.request, client!);
    },

    decide: async function decide(ctx: Context) {
      const params = oauthParams(ctx);
      if (isProblem(params)) return refuse(ctx, 400, 'This form is not valid', params.description);
      const request = Object.fromEntries(
        REQUEST_FIELDS.map((name) => [name, params[name] ?? '']),
      ) as unknown as AuthorizationRequest;
      // Nothing in the form is trusted until its token matches this browser and this request.
      if (!csrf.verify(ctx, params.csrf_token, request)) {
        return refuse(
          ctx,
          403,
          'This sign-in form has expired',
          'It was not sent from this page, or it is more than ten minutes old.',
        );
      }
      // Checked when the form was signed; checked again so this handler is safe on its own.
      const client = await clientOf(request.client_id);
      const checked = checkAuthorizationRequest(request, client, scopeNames, resources(ctx));
      if (checked.kind !== 'valid' || !client)
        return refuse(
          ctx,
          400,
          'This sign-in form is not valid',
          'The request it carries is not valid.',
        );
      if (params.decision === 'deny') {
        return redirect(
          ctx,
          errorRedirect(
            request.redirect_uri,
            'access_denied',
            'the user denied access',
            request.state,
          ),
        );
      }
      if (params.decision !== 'allow')
        return refuse(ctx, 400, 'This form is not valid', 'Choose allow or deny.');
      const name = params.username ?? '';
      const attempt = await limiter.attempt(name, ctx.ip, () =>
        users.authenticate(name, params.password ?? ''),
      );
      if (attempt.kind === 'blocked') {
        const wait = `Wait ${Math.ceil(attempt.retryAfter / 60)} min, then try again.`;
        // RFC 6585 §4: 429, with how long to wait (RFC 9110 §10.2.3).
        const headers = { 'Retry-After': String(attempt.retryAfter) };
        return refuse(ctx, 429, 'Too many sign-in attempts', wait, headers);
      }
      if (attempt.kind === 'wrong')
        return render(ctx, 401, request, client, {
          username: name,
          error: 'Wrong username or password.',
        });
      const { username } = attempt;
      // The resource travels with the grant's user, into the code and the tokens (RFC 8707).
      const user = { username, ...(request.resource && { resource: request.resource }) };
      const body = Object.fromEntries(Object.entries(request).filter(([, value]) => value !== ''));
      const response = new OAuth2Server.Response();
      try {
        await server.authorize(libraryRequest(ctx, body), response, {
          authenticateHandler: { handle: () => user },
        });
      } catch (caught) {
        // The library sets a redirect only once it has validated the client and redirect_uri.
        const problem = toProblem(ctx, caught);
        if (!response.get('location'))
          return refuse(ctx, problem.status, 'The sign-in failed', problem.description);
      }
      redirect(ctx, response.get('location') as string);
    },
  };
}
