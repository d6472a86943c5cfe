export { manifestAuth, type AuthConfig, type VerificationTokens } from './auth-config';
export { requireAuth } from './require-auth';
export {
  httpAuth,
  principalOf,
  type HttpAuthOptions,
  type Principal,
  type VerifyCredential,
} from './http-auth';
export { readCredential, type HttpScheme, type ReadCredential } from './credentials';
export { safeEqual, sha256Hex } from './safe-equal';
export { readSetting, type SettingOptions } from './settings';
export {
  createOAuthServer,
  AUTHORIZE_PATH,
  TOKEN_PATH,
  type OAuthServerOptions,
} from './oauth/oauth-server';
export type { OAuthClient } from './oauth/oauth-model';
export type { UserDirectory } from './oauth/authorize-endpoint';
export {
  MemoryOAuthStore,
  type OAuthStore,
  type GrantRecord,
  type FoundRecord,
  type SecretKind,
} from './oauth/oauth-store';
