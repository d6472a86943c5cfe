import { createAjv, type Operation } from '@repo/openapi';
import type { GeneratedRequest } from './request-parts';

// The REST API's own coercion of path and query strings (`@repo/openapi`'s request checks).
const coercing = createAjv({ coerce: true, validateSchema: false });
const coerced = new WeakMap<object, (value: unknown) => unknown>();

/** `text` as the REST route reads it for `schema`: `'2'` is 2 for an integer; as is if it fails. */
function asRestReads(schema: object | undefined, text: unknown): unknown {
  if (!schema) return text;
  let coerce = coerced.get(schema);
  if (!coerce) {
    const validate = coercing.compile({ type: 'object', properties: { v: schema } });
    coerce = (value) => {
      const holder = { v: value };
      return validate(holder) ? holder.v : value;
    };
    coerced.set(schema, coerce);
  }
  return coerce(text);
}

// The parts of a generated request a tool call cannot say: they are the transport's, not the
// tool's (headers, credentials, content types, encodings, body size, the path's shape). And an
// unexpected body: a tool's arguments are one closed object, so an unknown one is refused by
// design (`@repo/mcp`), where REST may ignore a body field its schema does not name.
const REST_ONLY =
  /^(header|credentials|body malformed|body content type|body oversized|body unexpected|query extra|path shape)/;

/**
 * The arguments of the tool call that says what `generated` says: its path and query parameters
 * as the REST route reads them, and its JSON body's fields, in one object. `undefined` when the
 * request bends something a tool call has no words for (a header, a malformed body, an odd path).
 */
export function toolArgumentsFor(
  operation: Operation,
  generated: GeneratedRequest,
): Record<string, unknown> | undefined {
  const { input, variant } = generated;
  if (REST_ONLY.test(variant) || !input.routed) return undefined;
  // A `.` or `..` segment is resolved by URL handling before any route sees it.
  if (Object.values(input.path).some((v) => v === '.' || v === '..' || v === '')) return undefined;
  // A body sent to an operation that takes none is not read by the route: not an argument.
  const body = operation.requestBody ? input.body : undefined;
  const hasBody = operation.requestBody !== undefined && generated.body !== undefined;
  if (hasBody && (!body || typeof body !== 'object' || Array.isArray(body))) return undefined;
  const args: Record<string, unknown> = {};
  const define = (key: string, value: unknown) =>
    Object.defineProperty(args, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const param of operation.parameters) {
    const raw =
      param.in === 'path'
        ? input.path[param.name]
        : param.in === 'query'
          ? input.query[param.name]
          : undefined;
    if (raw !== undefined) define(param.name, asRestReads(param.schema as object | undefined, raw));
  }
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (Object.hasOwn(args, key)) return undefined; // a body field named like a parameter
    define(key, value);
  }
  return args;
}
