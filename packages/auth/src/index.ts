export { manifestAuth, type AuthConfig } from './auth-config';
export { requireAuth } from './require-auth';
