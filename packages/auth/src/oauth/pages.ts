import { createHash } from 'node:crypto';
import type { AuthorizationRequest } from './authorization-request';

const STYLE = [
  'body{font:16px/1.5 system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;color:#1f2328}',
  'h1{font-size:1.4rem}label{display:block;margin:.8rem 0}',
  'input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font:inherit}',
  'button{font:inherit;padding:.5rem 1rem;margin:.8rem .5rem 0 0;cursor:pointer}',
  '.error{color:#b42318;font-weight:600}.scope{background:#f6f8fa;padding:.5rem .8rem .5rem 2rem}',
].join('');
// The page runs no script at all; its one style block is allowed by hash.
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Headers for every page of the authorization endpoint: no caching, no framing (the consent
 * button must not be clickjacked), no referrer (the URL holds `state`), and a CSP that lets
 * forms go only here and, after a redirect, to the client's registered origin.
 */
export function pageHeaders(formTargets: string[] = []): Record<string, string> {
  const formAction = ["'self'", ...formTargets].join(' ');
  return {
    'Cache-Control': 'no-store',
    'Content-Security-Policy': `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`,
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body>
</html>
`;
}

export interface ConsentPageOptions {
  appName: string;
  action: string;
  request: AuthorizationRequest;
  /** The client's registered name, when it gave one. */
  clientName?: string | undefined;
  /** What each granted scope lets the client do, in words. */
  scopeWords: string[];
  csrfToken: string;
  username?: string;
  error?: string;
}

/** The sign-in and consent page: every value escaped, the request carried in hidden fields. */
export function consentPage(o: ConsentPageOptions): string {
  const hidden = Object.entries(o.request)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('\n');
  // Who is asking, as the user can check it: the name the client chose, and where the answer
  // goes, which it cannot choose freely (the registered redirect URI's host).
  const host = new URL(o.request.redirect_uri).host;
  const who = o.clientName
    ? `<strong>${escapeHtml(o.clientName)}</strong> at <strong>${escapeHtml(host)}</strong>`
    : `The app at <strong>${escapeHtml(host)}</strong>`;
  const scopes = o.scopeWords.map((words) => `<li>${escapeHtml(words)}</li>`).join('');
  const error = o.error ? `<p class="error" role="alert">${escapeHtml(o.error)}</p>` : '';
  return page(
    `Sign in · ${o.appName}`,
    `<h1>Sign in to ${escapeHtml(o.appName)}</h1>
<p>${who} asks to:</p>
<ul class="scope">${scopes}</ul>
${error}
<form method="post" action="${escapeHtml(o.action)}">
${hidden}
<input type="hidden" name="csrf_token" value="${escapeHtml(o.csrfToken)}">
<label>Username <input name="username" autocomplete="username" required value="${escapeHtml(o.username ?? '')}"></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit" name="decision" value="allow">Sign in and allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form>`,
  );
}

/** A page that explains a refused request; it never links or redirects anywhere. */
export function errorPage(appName: string, title: string, message: string): string {
  return page(
    `${title} · ${appName}`,
    `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p>Go back to the app you came from and start again.</p>`,
  );
}
