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
  REGISTER_PATH,
  type OAuthServerOptions,
} from './oauth/oauth-server';
export type { OAuthClient } from './oauth/oauth-model';
export type { UserDirectory } from './oauth/authorize-endpoint';
export type {
  OAuthStore,
  GrantRecord,
  FoundRecord,
  SecretKind,
  SingleUseKind,
} from './oauth/oauth-store';
export { StoreOAuthStore, type StoreOAuthStoreOptions } from './oauth/store-oauth-store';
export { sharedCsrfKey } from './oauth/csrf-key';
export {
  DEFAULT_SIGN_IN_LIMITS,
  signInLimiter,
  type SignInLimit,
  type SignInLimits,
} from './oauth/sign-in-limits';
export { AS_METADATA_PATH, PRM_PATH } from './oauth/metadata';
export { operationScopes, withScopes } from './scopes';
