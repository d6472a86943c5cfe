import fc from 'fast-check';
import type { Operation } from '@repo/openapi';
import type { RequestArbitraryOptions } from './request-arbitrary';
import { assemble, type GeneratedRequest, type RequestParts } from './request-parts';
import { invalidValue } from './invalid-values';
import { withKey, type Schema } from './schema-values';
import { MALFORMED_JSON, ODD_SEGMENTS, QUERY_JUNK, WRONG_TYPES } from './odd-inputs';
import { asText, json, percentEncode, queryPairs } from './wire';

/**
 * One arbitrary per way of bending one part of a valid request for `operation`: each parameter
 * invalid or missing, an extra or badly encoded query key, a garbled header or credential, an
 * invalid, malformed, mistyped, oversized or missing body, a path with something after it.
 */
export function bentRequests(
  operation: Operation,
  parts: fc.Arbitrary<RequestParts>,
  options: RequestArbitraryOptions & { headerNames: string[] },
): fc.Arbitrary<GeneratedRequest>[] {
  const params = (where: string) => operation.parameters.filter((p) => p.in === where);
  const schemaOf = (p: { schema?: unknown }) => p.schema as Schema | undefined;
  const media = operation.requestBody?.content['application/json'];
  const bodySchema = media?.schema as Schema | undefined;
  const bend = <T>(
    variant: string,
    change: fc.Arbitrary<T>,
    apply: (p: RequestParts, c: T) => RequestParts,
  ) => fc.tuple(parts, change).map(([p, c]) => assemble(operation, apply(p, c), variant));
  const bent: fc.Arbitrary<GeneratedRequest>[] = [];
  for (const p of params('path')) {
    const bad = fc.oneof(
      invalidValue(schemaOf(p)).map((v) => percentEncode(asText(v))),
      fc.constantFrom(...ODD_SEGMENTS),
    );
    bent.push(
      bend(`path ${p.name}`, bad, (r, raw) => ({ ...r, path: { ...r.path, [p.name]: raw } })),
    );
  }
  for (const p of params('query')) {
    const bad = fc.oneof(invalidValue(schemaOf(p)), fc.constantFrom(...QUERY_JUNK));
    const others = (r: RequestParts) =>
      r.query.filter(([key]) => key.replace(/\[\]$/, '') !== p.name);
    bent.push(
      bend(`query ${p.name}`, bad, (r, v) => ({
        ...r,
        query: [...others(r), ...queryPairs(p.name, v, false)],
      })),
    );
    if (p.required)
      bent.push(
        bend(`query ${p.name} missing`, fc.constant(0), (r) => ({ ...r, query: others(r) })),
      );
  }
  const extraQuery = fc.tuple(
    fc.constantFrom('__proto__', 'constructor', 'toString', 'x[]', 'a[b]', '%ZZ'),
    fc.constantFrom(...QUERY_JUNK, '%', '%zz', '%ED%A0%80', '+'),
  );
  bent.push(
    bend('query extra or badly encoded', extraQuery, (r, [key, value]) => ({
      ...r,
      query: [...r.query, [key, value]],
    })),
  );
  for (const name of options.headerNames) {
    const bad = fc
      .string({ unit: 'grapheme-ascii', maxLength: 80 })
      .map((s) => s.replace(/[^\x20-\x7e]/g, '') || ' ');
    bent.push(
      bend(`header ${name}`, bad, (r, v) => ({ ...r, headers: { ...r.headers, [name]: v } })),
    );
  }
  for (const name of options.credentials ?? []) {
    const bad = fc.constantFrom(
      null,
      'Bearer',
      'Bearer wrong-token',
      'Basic dXNlcjpwYXNz',
      'Bearer a b',
      'Bearer ' + 'x'.repeat(5000),
    );
    bent.push(
      bend(`header ${name}`, bad, (r, v) => ({ ...r, headers: { ...r.headers, [name]: v } })),
    );
  }
  if (media) {
    bent.push(bend('body invalid', invalidValue(bodySchema), (r, v) => ({ ...r, body: json(v) })));
    bent.push(
      bend('body malformed JSON', fc.constantFrom(...MALFORMED_JSON), (r, text) => ({
        ...r,
        body: { type: 'application/json', text },
      })),
    );
    bent.push(
      bend('body content type', fc.constantFrom(...WRONG_TYPES), (r, type) => ({
        ...r,
        body: { type, text: r.body?.text ?? '{}' },
      })),
    );
    bent.push(
      bend('body oversized', fc.constant(0), (r) => ({
        ...r,
        body: json({ x: 'x'.repeat(20_000) }),
      })),
    );
    if (operation.requestBody?.required)
      bent.push(bend('body missing', fc.constant(0), (r) => ({ ...r, body: undefined })));
  } else {
    const object = fc
      .tuple(fc.jsonValue(), fc.constantFrom('__proto__', 'constructor'))
      .map(([v, key]) => withKey({}, key, v));
    bent.push(
      bend('body unexpected', fc.oneof(fc.jsonValue(), object), (r, v) => ({
        ...r,
        body: json(v),
      })),
    );
  }
  const suffixes = fc.constantFrom('/', '//', '/x', '/%2F', '.json', '%20', '/..');
  bent.push(bend('path shape', suffixes, (r, pathSuffix) => ({ ...r, pathSuffix })));

  return bent;
}
