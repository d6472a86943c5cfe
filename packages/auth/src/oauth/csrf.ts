import { createHmac, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { safeEqual } from '../safe-equal';
import { REQUEST_FIELDS, type AuthorizationRequest } from './authorization-request';

export interface CsrfOptions {
  /** The HMAC key, shared by instances behind one balancer (`sharedCsrfKey`); random if not given. */
  secret?: Buffer;
  /** Path the cookie is scoped to: the authorization endpoint. */
  path: string;
  now?: () => number;
  /** How long a sign-in form stays valid. */
  ttlMs?: number;
  /**
   * Always mark the cookie `Secure`: set when the public base URL is https, so TLS ends at a
   * proxy that the app may not trust to say so. Otherwise `Secure` follows `ctx.secure`.
   */
  secureCookie?: boolean;
}

const COOKIE = 'oauth_csrf';
const NONCE = /^[A-Za-z0-9_-]{43}$/;

/**
 * CSRF protection for the sign-in form: a signed double-submit token (OWASP). The browser holds
 * a random nonce in an HttpOnly, SameSite=Strict cookie; the form carries an HMAC of that
 * nonce, an expiry and the exact authorization request it was shown for. A forged POST lacks the
 * cookie, a form replayed in another browser lacks the nonce, and an edited request (another
 * `redirect_uri`, another `state`) no longer matches the signature.
 */
export class CsrfGuard {
  readonly #secret: Buffer;
  readonly #path: string;
  readonly #now: () => number;
  readonly #ttlMs: number;
  readonly #secureCookie: boolean;

  constructor(options: CsrfOptions) {
    this.#secret = options.secret ?? randomBytes(32);
    if (this.#secret.length < 32) throw new Error('the CSRF `secret` must be at least 32 bytes');
    this.#path = options.path;
    this.#now = options.now ?? Date.now;
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#secureCookie = options.secureCookie ?? false;
  }

  /** A form token for `request`, setting this browser's nonce cookie when it has none. */
  issue(ctx: Context, request: AuthorizationRequest): string {
    let nonce = ctx.cookies.get(COOKIE);
    if (!nonce || !NONCE.test(nonce)) {
      nonce = randomBytes(32).toString('base64url');
      const secure = this.#secureCookie || ctx.secure;
      // `cookies` refuses a Secure cookie on a connection it believes is plain; an https public
      // base URL says the user's connection is TLS, whatever the hop from the proxy is.
      if (secure) ctx.cookies.secure = true;
      ctx.cookies.set(COOKIE, nonce, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: this.#path,
        maxAge: this.#ttlMs,
        overwrite: true,
      });
    }
    const expires = String(this.#now() + this.#ttlMs);
    return `${expires}.${this.#mac(nonce, expires, request)}`;
  }

  /** Whether `token` was issued to this browser, for this `request`, and has not expired. */
  verify(ctx: Context, token: unknown, request: AuthorizationRequest): boolean {
    const nonce = ctx.cookies.get(COOKIE);
    if (!nonce || !NONCE.test(nonce) || typeof token !== 'string') return false;
    const [expires = '', mac = '', ...rest] = token.split('.');
    if (rest.length || !/^\d{1,15}$/.test(expires) || Number(expires) <= this.#now()) return false;
    return safeEqual(mac, this.#mac(nonce, expires, request));
  }

  #mac(nonce: string, expires: string, request: AuthorizationRequest): string {
    const fields = REQUEST_FIELDS.map((name) => request[name]);
    return createHmac('sha256', this.#secret)
      .update(JSON.stringify([nonce, expires, ...fields]))
      .digest('base64url');
  }
}
