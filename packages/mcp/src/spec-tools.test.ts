import { describe, expect, it } from 'vitest';
import { inlineSpec } from '../test/spec';
import { specTools } from './spec-tools';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const ok = (schema: object) => ({ '200': { description: 'ok', ...json(schema) } });

const todos = inlineSpec({
  '/todos/{username}': {
    parameters: [
      {
        in: 'path',
        name: 'username',
        required: true,
        description: 'Whose list',
        schema: { type: 'string', minLength: 1, maxLength: 64 },
      },
    ],
    get: {
      operationId: 'getTodos',
      summary: 'Get the todos',
      responses: ok({
        type: 'object',
        required: ['todos'],
        properties: { todos: { type: 'array', items: { type: 'string' } } },
      }),
    },
    post: {
      operationId: 'addTodo',
      summary: 'Add a todo',
      description: 'Adds it at the end.',
      requestBody: {
        required: true,
        ...json({
          type: 'object',
          required: ['todo'],
          properties: {
            todo: { type: 'string', minLength: 1, maxLength: 500, example: 'Buy milk' },
            due: { type: 'string', format: 'date' },
            kind: { type: 'string', enum: ['home', 'work'] },
          },
        }),
      },
      responses: { '201': { description: 'added', ...json({ type: 'array' }) } },
    },
    delete: {
      operationId: 'deleteTodo',
      parameters: [{ in: 'query', name: 'todo_idx', schema: { type: 'integer', minimum: 0 } }],
      responses: ok({ properties: { todo: { type: 'string', nullable: true } } }),
    },
  },
});

describe('specTools', () => {
  it('makes one tool per operation, named by its operationId, in spec order', () => {
    expect(specTools(todos).map((t) => t.name)).toEqual(['getTodos', 'addTodo', 'deleteTodo']);
  });

  it('takes the title from the summary and the description from the description', () => {
    const [get, add, del] = specTools(todos);
    expect(get).toMatchObject({ title: 'Get the todos', description: 'Get the todos' });
    expect(add).toMatchObject({ title: 'Add a todo', description: 'Adds it at the end.' });
    expect(del!.title).toBeUndefined();
  });

  it('merges path, query and body properties into one input schema with their constraints', () => {
    const [, add, del] = specTools(todos);
    expect(add!.inputSchema).toEqual({
      type: 'object',
      properties: {
        username: { type: 'string', minLength: 1, maxLength: 64, description: 'Whose list' },
        todo: { type: 'string', minLength: 1, maxLength: 500, examples: ['Buy milk'] },
        due: { type: 'string', format: 'date' },
        kind: { type: 'string', enum: ['home', 'work'] },
      },
      required: ['username', 'todo'],
      additionalProperties: false,
    });
    expect(add!.operation.places).toEqual({
      username: 'path',
      todo: 'body',
      due: 'body',
      kind: 'body',
    });
    expect(del!.inputSchema.required).toEqual(['username']);
    expect(del!.operation).toMatchObject({ method: 'DELETE', path: '/todos/{username}' });
  });

  it('gives an output schema only for an object response, in JSON Schema 2020-12', () => {
    const [get, add, del] = specTools(todos);
    expect(get!.outputSchema).toMatchObject({ type: 'object', required: ['todos'] });
    expect(add!.outputSchema).toBeUndefined();
    expect(del!.outputSchema).toEqual({
      type: 'object',
      properties: { todo: { type: ['string', 'null'] } },
    });
  });

  it('derives the hints from the method', () => {
    const [get, add, del] = specTools(todos);
    expect(get!.annotations).toEqual({ readOnlyHint: true, openWorldHint: false });
    expect(add!.annotations).toEqual({
      readOnlyHint: false,
      destructiveHint: false,
      idempotentHint: false,
      openWorldHint: false,
    });
    expect(del!.annotations).toMatchObject({ destructiveHint: true, idempotentHint: false });
    const put = specTools(inlineSpec({ '/a': { put: { operationId: 'setA', responses: {} } } }));
    expect(put[0]!.annotations).toMatchObject({ idempotentHint: true, destructiveHint: false });
  });

  it('lets x-mcp rename, retitle, re-hint or hide an operation, and set hints for the spec', () => {
    const spec = inlineSpec(
      {
        '/a': {
          get: { operationId: 'a', 'x-mcp': { name: 'read_a', title: 'Read A' }, responses: {} },
          post: { operationId: 'b', 'x-mcp': { hidden: true }, responses: {} },
          put: { operationId: 'c', 'x-mcp': { destructiveHint: true }, responses: {} },
        },
      },
      { 'x-mcp': { openWorldHint: true } },
    );
    const tools = specTools(spec);
    expect(tools.map((t) => [t.name, t.title])).toEqual([
      ['read_a', 'Read A'],
      ['c', undefined],
    ]);
    expect(tools[0]!.annotations.openWorldHint).toBe(true);
    expect(tools[1]!.annotations).toMatchObject({ destructiveHint: true, openWorldHint: true });
  });

  it('refuses at start-up a parameter name used twice in one operation', () => {
    const spec = inlineSpec({
      '/todos/{todo}': {
        post: {
          operationId: 'addTodo',
          parameters: [{ in: 'path', name: 'todo', required: true, schema: { type: 'string' } }],
          requestBody: json({ type: 'object', properties: { todo: { type: 'string' } } }),
          responses: {},
        },
      },
    });
    expect(() => specTools(spec)).toThrow('POST /todos/{todo}: `todo` is both a path and a body');
  });

  it.each([
    [{ name: 'has space' }, 'tool name `has space` must be'],
    [{ hiden: true }, '`x-mcp.hiden` is unknown'],
    [{ readOnlyHint: 'yes' }, '`x-mcp.readOnlyHint` must be a boolean'],
  ])('refuses the x-mcp %j', (xMcp, message) => {
    const spec = inlineSpec({ '/a': { get: { operationId: 'a', 'x-mcp': xMcp, responses: {} } } });
    expect(() => specTools(spec)).toThrow(message);
  });

  it('refuses two operations that make one tool name', () => {
    const spec = inlineSpec({
      '/a': { get: { operationId: 'a', responses: {} } },
      '/b': { get: { operationId: 'b', 'x-mcp': { name: 'a' }, responses: {} } },
    });
    expect(() => specTools(spec)).toThrow('two operations make the tool `a`');
  });

  it('passes a non-object body as one `body` argument', () => {
    const spec = inlineSpec({
      '/tags': {
        put: {
          operationId: 'setTags',
          requestBody: { required: true, ...json({ type: 'array', items: { type: 'string' } }) },
          responses: {},
        },
      },
    });
    const [tool] = specTools(spec);
    expect(tool!.inputSchema.required).toEqual(['body']);
    expect(tool!.operation).toMatchObject({
      places: { body: 'body' },
      wholeBody: true,
      bodyRequired: true,
    });
  });
});
