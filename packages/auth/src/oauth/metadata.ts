export const AS_METADATA_PATH = '/.well-known/oauth-authorization-server';
export const PRM_PATH = '/.well-known/oauth-protected-resource';

export interface MetadataPaths {
  authorize: string;
  token: string;
  register: string;
}

/**
 * Authorization server metadata (RFC 8414 §2) for the issuer `origin`: what an MCP client reads
 * before it registers and sends the user to sign in. MCP clients refuse a server that does not
 * list `code_challenge_methods_supported`.
 */
export function authorizationServerMetadata(
  origin: string,
  paths: MetadataPaths,
  scopes: string[],
) {
  return {
    issuer: origin,
    authorization_endpoint: origin + paths.authorize,
    token_endpoint: origin + paths.token,
    registration_endpoint: origin + paths.register,
    scopes_supported: scopes,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    // `none` for registered public clients; the pre-registered plugin client uses a secret.
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256'],
    // RFC 9207 §3: the authorization response carries `iss`, and clients may check it.
    authorization_response_iss_parameter_supported: true,
  };
}

/**
 * Protected resource metadata (RFC 9728 §2) for the resource at `origin + path`: its identifier
 * (the URL a client connects to) and the one authorization server, this same origin, which is
 * also the issuer in `authorizationServerMetadata`.
 */
export function protectedResourceMetadata(origin: string, path: string, scopes: string[]) {
  return {
    resource: origin + path,
    authorization_servers: [origin],
    scopes_supported: scopes,
    // MCP authorization: the token goes in the Authorization header only.
    bearer_methods_supported: ['header'],
  };
}
