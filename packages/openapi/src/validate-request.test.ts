import Koa from 'koa';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { jsonBody, jsonErrors } from '@repo/http';
import type { OpenApiDocument } from './load-spec';
import { listOperations } from './operations';
import { compileRequestChecks, validateRequest } from './validate-request';

/** A spec of one operation whose `q` parameter has the given schema. */
function docWith(schema: object): OpenApiDocument {
  return {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: {
      '/things': {
        get: {
          operationId: 'listThings',
          parameters: [{ name: 'q', in: 'query', required: true, schema }],
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  } as OpenApiDocument;
}

// ajv refuses a pattern that is not a regular expression.
const broken = docWith({ type: 'string', pattern: '(' });
const sound = docWith({ type: 'string', maxLength: 3 });

describe('compileRequestChecks', () => {
  it('compiles the checks of a sound spec', () => {
    expect(() => compileRequestChecks(sound)).not.toThrow();
  });

  it('throws on a schema ajv refuses, as the build must', () => {
    expect(() => compileRequestChecks(broken)).toThrow(/pattern|regular expression|Invalid/i);
  });
});

describe('validateRequest', () => {
  const [brokenOperation] = listOperations(broken);
  const [soundOperation] = listOperations(sound);

  it('compiles at once unless lazy, so a spec not checked at build fails at start-up', () => {
    expect(() => validateRequest(brokenOperation!)).toThrow();
    expect(() => validateRequest(brokenOperation!, { lazy: true })).not.toThrow();
  });

  it('checks requests the same when lazy, compiling on the first', async () => {
    const koa = new Koa();
    koa.use(jsonErrors());
    koa.use(jsonBody());
    koa.use(validateRequest(soundOperation!, { lazy: true }));
    koa.use((ctx) => {
      ctx.body = { ok: true };
    });
    const server = koa.callback();
    const bad = await request(server).get('/things?q=toolong');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('q');
    expect((await request(server).get('/things?q=ok')).status).toBe(200);
  });
});

describe('validateRequest on an operation without a request body', () => {
  it('ignores any body sent, leaving none in the input', async () => {
    const koa = new Koa();
    koa.use(jsonErrors());
    koa.use(jsonBody());
    koa.use(validateRequest(listOperations(sound)[0]!));
    koa.use((ctx) => {
      ctx.body = { body: (ctx.state.input as { body?: unknown }).body ?? 'none' };
    });
    // A lone surrogate would be refused in a body the operation reads.
    const res = await request(koa.callback())
      .delete('/things?q=ok')
      .set('Content-Type', 'application/json')
      .send('{"x": "\\ud800"}');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ body: 'none' });
  });
});
