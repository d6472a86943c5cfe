import { load } from 'js-yaml';
import { RESPONSE_RULES, checkRules } from '@repo/lint';
import { createAjv, dereferenceSpec, listOperations, type OpenApiDocument } from '@repo/openapi';
import { runOAuthFlow } from './oauth-flow';
import { MAX_BYTES, fetchFile, readCapped } from './read-plugin';

export interface CallOptions {
  url: string;
  operationId: string;
  /** `name=value` pairs; a name given twice becomes a list. */
  params: string[];
  body?: string | undefined;
  token?: string | undefined;
  /** An origin other than the manifest's that may receive the credentials (`--allow-origin`). */
  allowOrigin?: string | undefined;
  oauth?: { clientId: string; clientSecret: string; redirectUri?: string | undefined } | undefined;
  log(line: string): void;
  /** Where the OAuth sign-in URL goes; by default it is logged for a person to open. */
  onAuthorizeUrl?(url: string): void;
}

export interface CallResult {
  status: number;
  text: string;
  /** Where the answer breaks the spec or a host's limits; empty when it keeps them. */
  problems: string[];
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const ajv = createAjv({ coerce: false });

async function getText(url: string): Promise<string> {
  const file = await fetchFile(url);
  if (!file.bytes) throw new Error(file.error);
  return file.bytes.toString('utf8');
}

async function authorization(manifest: Json, options: CallOptions): Promise<string | undefined> {
  const auth = manifest.auth ?? { type: 'none' };
  if (auth.type === 'none') return undefined;
  if (auth.type === 'oauth' && !options.token) {
    if (!options.oauth)
      throw new Error(
        'this plugin uses OAuth: pass --token, or --client-id and --client-secret to sign in',
      );
    const token = await runOAuthFlow({
      clientUrl: auth.client_url,
      tokenUrl: auth.authorization_url,
      contentType: auth.authorization_content_type,
      scope: auth.scope ?? '',
      ...options.oauth,
      onAuthorizeUrl:
        options.onAuthorizeUrl ?? ((url) => options.log(`open this URL to sign in: ${url}`)),
    });
    return `Bearer ${token}`;
  }
  if (!options.token) throw new Error(`this plugin uses ${auth.type} auth: pass --token`);
  if (auth.authorization_type === 'basic') {
    return `Basic ${options.token.includes(':') ? Buffer.from(options.token).toString('base64') : options.token}`;
  }
  return `Bearer ${options.token}`;
}

/** Calls one operation of a running plugin as a host does, and checks the answer against its spec. */
export async function callOperation(options: CallOptions): Promise<CallResult> {
  const start = new URL(options.url);
  const manifestUrl = start.pathname.endsWith('.json')
    ? start.href
    : new URL('/.well-known/ai-plugin.json', start).href;
  const manifest = JSON.parse(await getText(manifestUrl)) as Json;
  const spec = dereferenceSpec(
    load(await getText(new URL(manifest.api.url, manifestUrl).href)) as OpenApiDocument,
  );
  const operations = listOperations(spec);
  const op = operations.find((o) => o.operationId === options.operationId);
  if (!op)
    throw new Error(
      `no operation \`${options.operationId}\`; the spec has ${operations.map((o) => o.operationId).join(', ')}`,
    );

  const values = new Map<string, string[]>();
  for (const pair of options.params) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`\`${pair}\` is not name=value`);
    values.set(pair.slice(0, at), [...(values.get(pair.slice(0, at)) ?? []), pair.slice(at + 1)]);
  }
  const known = new Map(op.parameters.map((p) => [p.name, p]));
  for (const name of values.keys()) {
    if (!known.has(name))
      throw new Error(
        `\`${name}\` is not a parameter of ${op.operationId} (it has: ${[...known.keys()].join(', ') || 'none'})`,
      );
  }
  const missing = op.parameters.find((p) => p.required && !values.has(p.name));
  if (missing) throw new Error(`\`${missing.name}\` is required by ${op.operationId}`);

  const base = spec.servers?.[0]?.url ?? new URL(manifestUrl).origin;
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(values.get(name)?.[0] ?? ''),
  );
  const url = new URL(base.replace(/\/$/, '') + path);
  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const p of op.parameters) {
    for (const value of values.get(p.name) ?? []) {
      if (p.in === 'query') url.searchParams.append(p.name, value);
      if (p.in === 'header') headers[p.name] = value;
    }
  }
  let body: string | undefined;
  if (options.body !== undefined) {
    try {
      body = JSON.stringify(JSON.parse(options.body));
    } catch {
      throw new Error('`--body` is not valid JSON');
    }
    headers['Content-Type'] = 'application/json';
  }
  // The credentials are the plugin's: an API on another origin gets them only when asked.
  const own = new URL(manifestUrl).origin;
  const allowed = options.allowOrigin ? new URL(options.allowOrigin).origin : own;
  if ((manifest.auth?.type ?? 'none') !== 'none' && ![own, allowed].includes(url.origin))
    throw new Error(
      `the spec sends calls to ${url.origin}, not to the manifest's origin ${own}: ` +
        `pass --allow-origin ${url.origin} to send the token there`,
    );
  const auth = await authorization(manifest, options);
  if (auth) headers.Authorization = auth;

  // GPT Actions wait 45 s for an answer; a plugin that takes longer has failed its host.
  const res = await fetch(url, {
    method: op.method.toUpperCase(),
    headers,
    body,
    signal: AbortSignal.timeout(45_000),
    redirect: 'manual', // a redirect is the answer: the credentials go nowhere else
  });
  const bytes = await readCapped(res);
  if (!bytes) throw new Error(`the answer is over ${MAX_BYTES} bytes`);
  const text = bytes.toString('utf8');
  const problems = checkRules(RESPONSE_RULES, { name: 'the answer', text }).map((f) => f.message);
  const documented = (op.responses[String(res.status)] ?? op.responses.default) as Json | undefined;
  if (!documented)
    problems.push(`status ${res.status} is not in the spec's responses for ${op.operationId}`);
  const schema = documented?.content?.['application/json']?.schema;
  if (schema) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      problems.push('the answer is not JSON, but the spec says it is');
    }
    const validate = ajv.compile(schema);
    if (parsed !== undefined && !validate(parsed))
      problems.push(`the answer does not match the spec: ${ajv.errorsText(validate.errors)}`);
  }
  return { status: res.status, text, problems };
}
