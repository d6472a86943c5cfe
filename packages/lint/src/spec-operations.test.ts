import { describe, expect, it } from 'vitest';
import { specOperations } from './spec-operations';

describe('specOperations', () => {
  it('lists unnamed operations too, with merged parameters and their JSONPath', () => {
    const ops = specOperations({
      paths: {
        '/things/{id}': {
          parameters: [{ name: 'id', in: 'path', description: 'old' }],
          get: { parameters: [{ $ref: '#/components/parameters/id' }] },
          post: { operationId: 'addThing' },
        },
      },
      components: { parameters: { id: { name: 'id', in: 'path', description: 'new' } } },
    });
    expect(ops.map((o) => [o.at, o.operationId])).toEqual([
      ["$.paths['/things/{id}'].get", undefined],
      ["$.paths['/things/{id}'].post", 'addThing'],
    ]);
    expect(ops[0]!.parameters).toEqual([{ name: 'id', in: 'path', description: 'new' }]);
  });

  it('reads a spec with a broken $ref or no paths without throwing', () => {
    expect(specOperations({ paths: { '/x': { get: { $ref: '#/nowhere' } } } })).toHaveLength(1);
    expect(specOperations(undefined)).toEqual([]);
    expect(specOperations({ paths: 'none' })).toEqual([]);
  });
});
