import { createServer } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAjv, listOperations, loadSpec, type Operation } from '@repo/openapi';
import { shelfPlugin } from '../test/fixtures/shelf-plugins';
import { invalidValue } from './invalid-values';
import { requestArbitrary } from './request-arbitrary';
import { validValue, type Schema } from './schema-values';
import { sendRequest } from './send-request';
import { percentEncode } from './wire';

const ajv = createAjv({ coerce: false });
const schemas: Schema[] = [
  { type: 'string', minLength: 1, maxLength: 5 },
  { type: 'string', format: 'date' },
  { type: 'string', enum: ['red', 'blue'] },
  { type: 'integer', minimum: 0, maximum: 10 },
  { type: 'number', minimum: -1.5 },
  { type: 'array', minItems: 1, maxItems: 3, items: { type: 'integer', minimum: 1 } },
  {
    type: 'object',
    required: ['todo'],
    additionalProperties: false,
    properties: { todo: { type: 'string', maxLength: 3 }, done: { type: 'boolean' } },
  },
];

describe('validValue and invalidValue', () => {
  it.each(schemas)(
    'draws values that %j accepts, and values it rejects',
    (schema) => {
      const validate = ajv.compile(schema);
      fc.assert(fc.property(validValue(schema), (value) => validate(value)));
      fc.assert(fc.property(invalidValue(schema), (value) => !validate(value)));
    },
    30_000,
  ); // a shared CI machine is slow; alone this takes well under a second

  it('draws a property from the pool given for its name', () => {
    const schema: Schema = {
      type: 'object',
      required: ['user'],
      properties: { user: { type: 'string' } },
    };
    const users = fc.sample(validValue(schema, { user: ['ann', 'bob'] }), 50);
    expect(new Set(users.map((u) => (u as { user: string }).user))).toEqual(
      new Set(['ann', 'bob']),
    );
  });
});

describe('percentEncode', () => {
  it('encodes as encodeURIComponent does, and a lone surrogate as its WTF-8 bytes', () => {
    expect(percentEncode('a b/ü')).toBe('a%20b%2F%C3%BC');
    expect(percentEncode('x\ud800')).toBe('x%ED%A0%80');
  });
});

describe('requestArbitrary', () => {
  let operations: Operation[];
  const server = createServer();
  beforeAll(async () => {
    operations = listOperations(
      (await loadSpec(new URL('../test/fixtures/shelf-openapi.yaml', import.meta.url))).document,
    );
    server.on('request', (await shelfPlugin()).callback());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it(
    'makes mostly requests the app accepts, and refused ones of every kind',
    { timeout: 30_000 },
    async () => {
      const add = operations.find((op) => op.operationId === 'addBook')!;
      const requests = fc.sample(requestArbitrary(add, { credentials: ['Authorization'] }), 300);
      const statuses = [];
      for (const request of requests)
        statuses.push((await sendRequest(server, request, {}, 2000)).status);
      const accepted = statuses.filter((status) => status === 201).length;
      expect(accepted).toBeGreaterThan(300 * 0.4);
      expect(accepted).toBeLessThan(300 * 0.9);
      const variants = new Set(requests.map((r) => r.variant.split(' ')[0]));
      expect(variants).toEqual(new Set(['valid', 'path', 'query', 'header', 'body']));
    },
  );

  it('decodes what each request says, as the server will read it', () => {
    const remove = operations.find((op) => op.operationId === 'removeBook')!;
    for (const request of fc.sample(
      requestArbitrary(remove, { values: { owner: ['a+b c'], index: [3] }, validWeight: 100 }),
      20,
    )) {
      if (request.variant !== 'valid') continue;
      expect(request.url).toBe('/shelves/a%2Bb%20c?index=3');
      expect(request.input).toMatchObject({
        routed: true,
        path: { owner: 'a+b c' },
        query: { index: '3' },
      });
    }
  });
});
