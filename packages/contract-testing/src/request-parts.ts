import fc from 'fast-check';
import type { Operation } from '@repo/openapi';
import { decode } from './wire';

/** One request as the property checker sends it, every part as raw as it goes on the wire. */
export interface GeneratedRequest {
  operationId: string;
  method: Operation['method'];
  /** Path and query, percent-encoded as sent: `/todos/ann?todo_idx=0`. */
  url: string;
  /** Headers to set; `null` removes one the suite would otherwise send (the credentials). */
  headers: Record<string, string | null>;
  body?: { type: string; text: string };
  /** What was bent to make it: `valid`, `query todo_idx`, `body malformed JSON`. */
  variant: string;
  /** What the request says, decoded as a server would: what a model reads. */
  input: RequestInput;
  [fc.toStringMethod](): string;
}

/** A request's path parameters, query, headers and JSON body, decoded. */
export interface RequestInput {
  /** Whether the path is the operation's at all (a bent one may be another route, or none). */
  routed: boolean;
  path: Record<string, string>;
  /** Each query key once, `ids[]` as `ids`; a repeated key is a list. */
  query: Record<string, string | string[]>;
  headers: Record<string, string | null>;
  /** The body parsed as JSON, or `undefined` when there is none or it is not JSON. */
  body: unknown;
}

/** The raw parts a request is assembled from, before and after one of them is bent. */
export interface RequestParts {
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string | null>;
  body?: { type: string; text: string } | undefined;
  /** Appended to the path: a trailing slash, a dot segment. */
  pathSuffix?: string;
}

function parseJson(body: RequestParts['body']): unknown {
  if (!body || !/json/i.test(body.type)) return undefined;
  try {
    return JSON.parse(body.text);
  } catch {
    return undefined;
  }
}

/**
 * The path parameters a router reads from `path` for `template`, decoded; none when it does
 * not match (a trailing slash does, as in @koa/router). A bent path can name another user.
 */
function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((piece) => {
      const name = /^\{([^}]+)\}$/.exec(piece)?.[1];
      if (name === undefined) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  const match = new RegExp(`^${source}/?$`).exec(path);
  return match
    ? Object.fromEntries(names.map((name, i) => [name, decode(match[i + 1]!)]))
    : undefined;
}

/** Assembles the request `parts` make for `operation`; `variant` says what was bent. */
export function assemble(
  operation: Operation,
  parts: RequestParts,
  variant: string,
): GeneratedRequest {
  const template = operation.path + (parts.pathSuffix ?? '');
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => parts.path[name] ?? '');
  const search = parts.query.map(([key, value]) => `${key}=${value}`).join('&');
  const query: Record<string, string | string[]> = {};
  for (const [rawKey, rawValue] of parts.query) {
    const key = decode(rawKey, true).replace(/\[\]$/, '');
    const value = decode(rawValue, true);
    const previous = Object.hasOwn(query, key) ? query[key] : undefined;
    const next = previous === undefined ? value : [previous, value].flat();
    Object.defineProperty(query, key, {
      value: next,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const decodedPath = matchPath(operation.path, path);
  // RFC 9110 §5.5: whitespace around a field value is not part of it; servers strip it.
  const headers = Object.fromEntries(
    Object.entries(parts.headers).map(([name, value]) => [name, value?.trim() ?? null]),
  );
  return {
    operationId: operation.operationId,
    method: operation.method,
    url: search ? `${path}?${search}` : path,
    headers: parts.headers,
    ...(parts.body ? { body: parts.body } : {}),
    variant,
    input: {
      routed: decodedPath !== undefined,
      path: decodedPath ?? {},
      query,
      headers,
      body: parseJson(parts.body),
    },
    // What fast-check prints for a counterexample: the request as one line, enough to replay it.
    [fc.toStringMethod]() {
      return describeRequest(this);
    },
  };
}

/** A request as one line for a failure message: method, URL, headers and the body's start. */
export function describeRequest(request: GeneratedRequest): string {
  const headers = Object.entries(request.headers)
    .map(([name, value]) => (value === null ? `-${name}` : `${name}: ${value}`))
    .join(', ');
  const body = request.body
    ? ` ${request.body.type} ${JSON.stringify(request.body.text.slice(0, 120))}`
    : '';
  return `${request.method.toUpperCase()} ${request.url}${headers ? ` [${headers}]` : ''}${body} (${request.variant})`;
}
