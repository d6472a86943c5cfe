// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- apps that type-check this source do not pick up this folder's .d.ts files on their own
/// <reference path="./oauth2-server-internals.d.ts" />
import OAuth2Server from '@node-oauth/oauth2-server';
import AuthorizationCodeGrantType from '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type.js';

/**
 * The library's authorization-code grant with one correction: a `redirect_uri` that differs
 * from the one the code was issued to is `invalid_grant` (RFC 6749 §5.2), where the library
 * answers `invalid_request`. The code is already spent by then, so it cannot be retried.
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
  }
}
