import fc from 'fast-check';
import type { Operation } from '@repo/openapi';
import { bentRequests } from './request-bends';
import { assemble, type GeneratedRequest, type RequestParts } from './request-parts';
import { validValue, type Schema } from './schema-values';
import { asText, json, percentEncode, queryPairs } from './wire';

export interface RequestArbitraryOptions {
  /** Values to draw the parameters and body properties of these names from: a pool of users. */
  values?: Record<string, readonly unknown[]>;
  /** Headers the app reads that its spec does not declare, and the values to draw them from. */
  headers?: Record<string, readonly string[]>;
  /** Names of the headers the suite sends on every call (credentials): some requests drop them. */
  credentials?: string[];
  /** How often a request is left valid, against each way of bending one part; 2 unless given. */
  validWeight?: number;
}

// An operation that can answer as an event stream does so when asked: ask both ways.
function streams(operation: Operation): Record<string, string[]> {
  const media = Object.values(operation.responses).flatMap((r) =>
    Object.keys((r as { content?: object }).content ?? {}),
  );
  return media.includes('text/event-stream')
    ? { Accept: ['application/json', 'text/event-stream', '*/*'] }
    : {};
}

/**
 * An arbitrary of requests for `operation`: most are valid by its spec (parameters and JSON body
 * drawn from their schemas), the rest have one part bent: a parameter or body field invalid or
 * missing, an extra or prototype-named field, malformed JSON, another content type, an oversized
 * body, an odd or badly percent-encoded path segment, a garbled header, no credentials.
 * @example fc.sample(requestArbitrary(operation, { values: { username: ['ann'] } }), 3)
 */
export function requestArbitrary(
  operation: Operation,
  options: RequestArbitraryOptions = {},
): fc.Arbitrary<GeneratedRequest> {
  const values = options.values ?? {};
  const params = (where: string) => operation.parameters.filter((p) => p.in === where);
  const schemaOf = (p: { schema?: unknown }) => p.schema as Schema | undefined;

  const path = fc.record(
    Object.fromEntries(
      params('path').map((p) => [
        p.name,
        validValue(schemaOf(p), values, p.name).map((v) => percentEncode(asText(v))),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
  const query = fc
    .tuple(
      fc.boolean(),
      ...params('query').map((p) => {
        const value = validValue(schemaOf(p), values, p.name);
        return p.required ? value : fc.option(value, { nil: undefined });
      }),
    )
    .map(([brackets, ...drawn]) =>
      params('query').flatMap((p, i) =>
        drawn[i] === undefined ? [] : queryPairs(p.name, drawn[i], brackets),
      ),
    );
  // Header values must be printable ASCII, or Node refuses to send them.
  const printable = (v: unknown) => asText(v).replace(/[^\x20-\x7e]/g, '');
  const headerArbitraries: Record<string, fc.Arbitrary<string>> = {
    ...Object.fromEntries(
      params('header').map((p) => [p.name, validValue(schemaOf(p), values, p.name).map(printable)]),
    ),
    ...Object.fromEntries(
      Object.entries({ ...streams(operation), ...options.headers }).map(([name, pool]) => [
        name,
        fc.constantFrom(...pool),
      ]),
    ),
  };
  const requiredHeaders = params('header')
    .filter((p) => p.required)
    .map((p) => p.name);
  const headers = fc.record(headerArbitraries, { requiredKeys: requiredHeaders }) as fc.Arbitrary<
    Record<string, string>
  >;
  const media = operation.requestBody?.content['application/json'];
  const bodySchema = media?.schema as Schema | undefined;
  const validBody = media ? validValue(bodySchema, values).map(json) : fc.constant(undefined);
  const body = operation.requestBody?.required
    ? validBody
    : fc.option(validBody, { nil: undefined });
  const parts: fc.Arbitrary<RequestParts> = fc.record({ path, query, headers, body });

  const bent = bentRequests(operation, parts, {
    ...options,
    headerNames: Object.keys(headerArbitraries),
  });
  const valid = parts.map((p) => assemble(operation, p, 'valid'));
  return fc.oneof({ weight: (options.validWeight ?? 2) * bent.length, arbitrary: valid }, ...bent);
}
