import { Readable } from 'node:stream';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { jsonBody, jsonErrors } from '@repo/http';
import { routeOperations, validInput } from '@repo/openapi';
import { inlineSpec } from '../test/spec';
import { inProcessCaller, restRequest, toolResult } from './dispatch';
import { specTools } from './spec-tools';

const spec = inlineSpec({
  '/notes/{owner}': {
    post: {
      operationId: 'addNote',
      parameters: [
        { in: 'path', name: 'owner', required: true, schema: { type: 'string' } },
        { in: 'query', name: 'tags', schema: { type: 'array', items: { type: 'integer' } } },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['text'],
              properties: { text: { type: 'string', minLength: 1 } },
            },
          },
        },
      },
      responses: { '201': { description: 'added' } },
    },
  },
});
const [addNote] = specTools(spec);

function notesApp() {
  const app = new Koa();
  app.use(jsonErrors()).use(jsonBody());
  const router = routeOperations(spec, {
    addNote(ctx: Koa.Context) {
      ctx.status = 201;
      ctx.body = { ...validInput(ctx), authorization: ctx.get('Authorization') };
    },
  });
  app.use(router.routes());
  return app;
}

describe('restRequest', () => {
  it('fills the path, repeats array query keys and gathers the body', () => {
    expect(restRequest(addNote!, { owner: 'a b/c', tags: [1, 2], text: 'hi' })).toEqual({
      method: 'POST',
      url: '/notes/a%20b%2Fc?tags=1&tags=2',
      body: { text: 'hi' },
    });
  });

  it('sends an empty body when the body is required and no body argument is given', () => {
    expect(restRequest(addNote!, { owner: 'ann' })).toEqual({
      method: 'POST',
      url: '/notes/ann',
      body: {},
    });
  });
});

describe('toolResult', () => {
  it('gives a 2xx JSON object as structured content and as the same JSON in text', () => {
    expect(toolResult(200, '{"todos":["a"]}')).toEqual({
      content: [{ type: 'text', text: '{"todos":["a"]}' }],
      structuredContent: { todos: ['a'] },
    });
  });

  it("makes a 4xx a tool error with the error's message", () => {
    const result = toolResult(400, '{"error":"bad_request","message":"`todo` is too short"}');
    expect(result).toEqual({
      content: [{ type: 'text', text: '`todo` is too short (400 Bad Request)' }],
      isError: true,
    });
  });

  it.each([
    [502, 'Bad Gateway'],
    [504, 'Gateway Timeout'],
  ])('says an upstream %i in words', (status, words) => {
    const result = toolResult(
      status,
      '{"error":"upstream_error","message":"the stats service failed"}',
    );
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toBe(`the stats service failed (${status} ${words})`);
  });
});

describe('inProcessCaller', () => {
  it("runs a call through the app's own checks and handler, token included", async () => {
    const call = inProcessCaller(notesApp());
    const result = await call(addNote!, { owner: 'ann', tags: [3], text: 'hi' }, 'Bearer t0k');
    expect(result.structuredContent).toEqual({
      path: { owner: 'ann' },
      query: { tags: [3] },
      body: { text: 'hi' },
      authorization: 'Bearer t0k',
    });
  });

  it("answers a bad argument with the app's 400, naming the field", async () => {
    const call = inProcessCaller(notesApp());
    const result = await call(addNote!, { owner: 'ann', text: '' });
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toContain('`text`');
    expect(result.content[0]!.text).toContain('400 Bad Request');
  });

  it('keeps the whole answer of a handler that streams its body, and logs it once', async () => {
    const app = new Koa();
    const closed: number[] = [];
    app.use(async (ctx, next) => {
      ctx.res.once('close', () => closed.push(ctx.res.statusCode));
      await next();
    });
    app.use((ctx) => {
      ctx.type = 'json';
      ctx.body = Readable.from(['{"text":', '"streamed"}']);
    });
    const result = await inProcessCaller(app)(addNote!, { owner: 'ann', text: 'x' });
    expect(result.structuredContent).toEqual({ text: 'streamed' });
    expect(closed).toEqual([200]);
  });
});
