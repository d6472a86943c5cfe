// The library's authorization-code grant, which it does not export from its index (v5).
declare module '@node-oauth/oauth2-server/lib/grant-types/authorization-code-grant-type.js' {
  import type OAuth2Server from '@node-oauth/oauth2-server';
  class AuthorizationCodeGrantType extends OAuth2Server.AbstractGrantType {
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    validateRedirectUri(request: OAuth2Server.Request, code: OAuth2Server.AuthorizationCode): void;
  }
  export = AuthorizationCodeGrantType;
}

// The library's refresh-token grant, likewise not exported from its index (v5).
declare module '@node-oauth/oauth2-server/lib/grant-types/refresh-token-grant-type.js' {
  import type OAuth2Server from '@node-oauth/oauth2-server';
  class RefreshTokenGrantType extends OAuth2Server.AbstractGrantType {
    handle(request: OAuth2Server.Request, client: OAuth2Server.Client): Promise<OAuth2Server.Token>;
    getRefreshToken(
      request: OAuth2Server.Request,
      client: OAuth2Server.Client,
    ): Promise<OAuth2Server.RefreshToken>;
  }
  export = RefreshTokenGrantType;
}
