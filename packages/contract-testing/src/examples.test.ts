import { describe, expect, it } from 'vitest';
import type { Operation } from '@repo/openapi';
import { exampleFor, exampleRequest, fillPath } from './examples';

describe('exampleFor', () => {
  it('prefers example, then default, then enum, then a value of the type', () => {
    expect(exampleFor({ type: 'string', example: 'milk', default: 'x' })).toBe('milk');
    expect(exampleFor({ type: 'integer', default: 3 })).toBe(3);
    expect(exampleFor({ type: 'string', enum: ['red', 'blue'] })).toBe('red');
    expect(exampleFor({ type: 'integer', minimum: 5 })).toBe(5);
    expect(exampleFor({ type: 'boolean' })).toBe(true);
  });

  it('builds objects from required and exemplified properties only', () => {
    const schema = {
      type: 'object' as const,
      required: ['todo'],
      properties: {
        todo: { type: 'string' as const },
        note: { type: 'string' as const, example: 'n' },
        skip: { type: 'string' as const },
      },
    };
    expect(exampleFor(schema)).toEqual({ todo: 'example', note: 'n' });
  });
});

describe('exampleRequest', () => {
  it('fills required and exemplified parameters and the body', () => {
    const operation = {
      parameters: [
        {
          in: 'path',
          name: 'username',
          required: true,
          schema: { type: 'string', example: 'global' },
        },
        { in: 'query', name: 'limit', schema: { type: 'integer' } },
        { in: 'query', name: 'todo_idx', example: 0, schema: { type: 'integer' } },
      ],
      requestBody: {
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['todo'],
              properties: { todo: { type: 'string', example: 'Buy milk' } },
            },
          },
        },
      },
    } as unknown as Operation;
    expect(exampleRequest(operation)).toEqual({
      path: { username: 'global' },
      query: { todo_idx: 0 },
      body: { todo: 'Buy milk' },
    });
  });
});

describe('fillPath', () => {
  it('encodes the values it puts in the path', () => {
    expect(fillPath('/todos/{username}', { username: 'a b/c' })).toBe('/todos/a%20b%2Fc');
  });
});
