import type { AuthConfig } from '@repo/auth';

export interface ServiceAuthOptions {
  /** The bearer token every API call must carry (`SERVICE_TOKEN`). */
  serviceToken: string;
  /** The host's verification token, published in the manifest (`OPENAI_VERIFICATION_TOKEN`). */
  verificationToken: string;
}

/**
 * The one auth config that both the API's token check and the manifest's `auth` block are built
 * from: `service_http` with a bearer token, so the manifest cannot announce another scheme.
 */
export function serviceAuth(options: ServiceAuthOptions): AuthConfig {
  return {
    type: 'service_http',
    scheme: 'bearer',
    token: options.serviceToken,
    verificationTokens: { openai: options.verificationToken },
    realm: 'todo-service',
  };
}
