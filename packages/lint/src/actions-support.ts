// What the GPT Actions rule files share.

export type Finding = { path: string; message: string };
type Doc = { servers?: { url?: unknown }[]; components?: { securitySchemes?: unknown } };

export const FLAG = 'x-openai-isConsequential';
export const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\])$/;

/** `servers[0].url` when it is an absolute URL. */
export function serverUrl(document: unknown): URL | undefined {
  const url = (document as Doc | undefined)?.servers?.[0]?.url;
  return typeof url === 'string' && URL.canParse(url) ? new URL(url) : undefined;
}

/** The spec's security schemes that are objects (a `$ref` left unresolved is skipped). */
export function securitySchemes(document: unknown): [string, Record<string, unknown>][] {
  const schemes = (document as Doc | undefined)?.components?.securitySchemes;
  if (!schemes || typeof schemes !== 'object') return [];
  return Object.entries(schemes).filter(
    (e): e is [string, Record<string, unknown>] =>
      !!e[1] && typeof e[1] === 'object' && !('$ref' in e[1]),
  );
}
