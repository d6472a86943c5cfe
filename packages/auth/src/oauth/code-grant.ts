// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- apps that type-check this source do not pick up this folder's .d.ts files on their own
/// <reference path="./oauth2-server-internals.d.ts" />
import OAuth2Server from '@node-oauth/oauth2-server';
import AuthorizationCodeGrantType from '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type.js';
import RefreshTokenGrantType from '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js';
import type { GrantUser } from './oauth-model';

/**
 * RFC 8707 §2.2: a `resource` at the token endpoint must be one the grant was given for; the
 * token is bound to the grant's resource whether or not the client repeats it.
 */
function checkResource(request: OAuth2Server.Request, user: GrantUser): void {
  const given: unknown = request.body.resource;
  if (given === undefined || given === user.resource) return;
  throw new OAuth2Server.OAuthError(
    'Invalid target: `resource` is not the one this grant was given for',
    { code: 400, name: 'invalid_target' },
  );
}

/**
 * The library's authorization-code grant with two corrections: a `redirect_uri` that differs
 * from the one the code was issued to is `invalid_grant` (RFC 6749 §5.2), where the library
 * answers `invalid_request`; and a `resource` is checked against the code's. The code is already
 * spent by then, so it cannot be retried.
 */
export class CodeGrant extends AuthorizationCodeGrantType {
  override validateRedirectUri(
    request: OAuth2Server.Request,
    code: OAuth2Server.AuthorizationCode,
  ): void {
    const given: unknown = request.body.redirect_uri;
    if (code.redirectUri && typeof given === 'string' && given !== code.redirectUri) {
      throw new OAuth2Server.InvalidGrantError(
        'Invalid grant: `redirect_uri` differs from the one the code was issued to',
      );
    }
    super.validateRedirectUri(request, code);
    checkResource(request, code.user as GrantUser);
  }
}

/** The library's refresh-token grant, checking `resource` before the token is spent. */
export class RefreshGrant extends RefreshTokenGrantType {
  override async getRefreshToken(request: OAuth2Server.Request, client: OAuth2Server.Client) {
    const token = await super.getRefreshToken(request, client);
    checkResource(request, token.user as GrantUser);
    return token;
  }
}
