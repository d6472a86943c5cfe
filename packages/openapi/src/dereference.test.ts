import { describe, expect, it } from 'vitest';
import { dereferenceSpec } from './dereference';
import type { OpenApiDocument } from './load-spec';

const doc = (components: object, paths: object = {}) =>
  ({
    openapi: '3.0.1',
    info: { title: 't', version: '1' },
    paths,
    components,
  }) as unknown as OpenApiDocument;

describe('dereferenceSpec', () => {
  it('replaces internal refs, nested ones too, and leaves the input untouched', () => {
    const input = doc(
      {
        schemas: {
          Todo: { type: 'string' },
          List: { type: 'array', items: { $ref: '#/components/schemas/Todo' } },
        },
      },
      {
        '/t': {
          get: {
            responses: {
              '200': {
                description: 'ok',
                content: { 'application/json': { schema: { $ref: '#/components/schemas/List' } } },
              },
            },
          },
        },
      },
    );
    const out = dereferenceSpec(input);
    const ok = out.paths['/t']?.get?.responses['200'] as {
      content: Record<string, { schema: unknown }>;
    };
    expect(ok.content['application/json']?.schema).toEqual({
      type: 'array',
      items: { type: 'string' },
    });
    expect(JSON.stringify(input)).toContain('$ref');
  });

  it('decodes ~1 and ~0 in pointers', () => {
    const out = dereferenceSpec(
      doc({
        schemas: { 'a/b~c': { type: 'integer' }, X: { $ref: '#/components/schemas/a~1b~0c' } },
      }),
    );
    expect((out.components!.schemas as Record<string, unknown>).X).toEqual({ type: 'integer' });
  });

  it('refuses a circular, missing or external ref', () => {
    expect(() =>
      dereferenceSpec(
        doc({ schemas: { A: { properties: { a: { $ref: '#/components/schemas/A' } } } } }),
      ),
    ).toThrow(/circular/);
    expect(() =>
      dereferenceSpec(doc({ schemas: { A: { $ref: '#/components/schemas/Nope' } } })),
    ).toThrow(/points at nothing/);
    expect(() => dereferenceSpec(doc({ schemas: { A: { $ref: 'other.yaml#/A' } } }))).toThrow(
      /not internal/,
    );
  });
});
