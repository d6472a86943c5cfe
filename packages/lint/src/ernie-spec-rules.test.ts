import { dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { ERNIE_SPEC_RULES, checkErnieSpec } from './ernie-spec-rules';
import { dereferenceSpec } from '@repo/openapi';
import type { OpenApiDocument } from '@repo/openapi';

type Op = Record<string, unknown>;

/** A spec with one operation, `GET /things`, changed by `op`; and its findings. */
async function check(op: Op = {}, extra: Record<string, unknown> = {}) {
  const document = {
    openapi: '3.0.1',
    info: { title: 'Things', version: '1' },
    paths: {
      '/things': {
        get: {
          operationId: 'get_things',
          summary: 'List things',
          responses: { '200': { description: 'ok' } },
          ...op,
        },
      },
    },
    components: {
      parameters: {
        q: { name: 'q', in: 'query', description: 'Search', schema: { type: 'string' } },
      },
    },
    ...extra,
  };
  const text = dump(document);
  return checkErnieSpec({ text, document: await dereferenceSpec(document as OpenApiDocument) });
}

const param = (name: string, more: Record<string, unknown> = {}) => ({
  name,
  in: 'query',
  schema: { type: 'string' },
  ...more,
});
const body = (properties: Record<string, unknown>) => ({
  requestBody: { content: { 'application/json': { schema: { type: 'object', properties } } } },
});

describe('ERNIE spec rules', () => {
  it('find nothing in a spec that keeps them, at each limit exactly', async () => {
    expect(await check()).toEqual([]);
    const five = ['a', 'b', 'c', 'd'].map((n) => param(n));
    expect(
      await check({
        operationId: 'o'.repeat(20),
        summary: '词'.repeat(50),
        description: '词'.repeat(150),
        parameters: [...five, { $ref: '#/components/parameters/q' }],
      }),
    ).toEqual([]);
    expect(
      await check({ parameters: [param('n'.repeat(20), { description: '词'.repeat(50) })] }),
    ).toEqual([]);
  });

  it.each([
    ['ernie/operation-id-length', { operationId: 'o'.repeat(21) }],
    ['ernie/summary-length', { summary: '词'.repeat(51) }],
    ['ernie/description-length', { description: '词'.repeat(151) }],
    ['ernie/parameter-name-length', { parameters: [param('n'.repeat(21))] }],
    ['ernie/parameter-name-length', body({ ['n'.repeat(21)]: { type: 'string' } })],
    [
      'ernie/parameter-description-length',
      { parameters: [param('a', { description: '词'.repeat(51) })] },
    ],
    [
      'ernie/parameter-description-length',
      body({ a: { type: 'string', description: '词'.repeat(51) } }),
    ],
    ['ernie/parameter-count', { parameters: ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => param(n)) }],
    [
      'ernie/parameter-type',
      { parameters: [param('a', { schema: { type: 'array', items: {} } })] },
    ],
    ['ernie/parameter-type', body({ a: { type: 'object' } })],
  ])('%s fires on %j', async (rule, op) => {
    expect((await check(op)).map((f) => f.rule)).toEqual([rule]);
  });

  it('counts JSON body properties as parameters, with the query ones', async () => {
    const op = {
      parameters: ['a', 'b', 'c'].map((n) => param(n)),
      ...body({ d: {}, e: {}, f: {} }),
    };
    expect(await check(op)).toEqual([
      {
        rule: 'ernie/parameter-count',
        severity: 'warning',
        path: "$.paths['/things'].get",
        message:
          '`get_things` takes 6 parameters (body properties included); ERNIE advises at most 5',
        fix: 'take at most 5 parameters, JSON body properties included: split the operation',
      },
    ]);
  });

  it('names the parameter at fault by a JSONPath, through a $ref', async () => {
    const findings = await check(
      { parameters: [{ $ref: '#/components/parameters/q' }] },
      {
        components: { parameters: { q: param('q', { description: '词'.repeat(51) }) } },
      },
    );
    expect(findings.map((f) => f.path)).toEqual([
      "$.paths['/things'].get.parameters[?(@.name=='q')]",
    ]);
  });

  it('ernie/spec-length counts every character but whitespace', async () => {
    const document = await dereferenceSpec({
      openapi: '3.0.1',
      info: { title: 't', version: '1' },
      paths: {},
    });
    const lengthFindings = (text: string) =>
      checkErnieSpec({ text, document }).filter((f) => f.rule === 'ernie/spec-length');
    expect(lengthFindings('词'.repeat(1000) + ' \n\t'.repeat(2000))).toEqual([]);
    expect(lengthFindings('词'.repeat(1001)).map((f) => f.message)).toEqual([
      'openapi.yaml is 1001 characters without whitespace; ERNIE allows 1000',
    ]);
  });

  it('gives every rule a unique id, a JSONPath and a fix', () => {
    const ids = ERNIE_SPEC_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ERNIE_SPEC_RULES) {
      expect(rule.path).toMatch(/^\$/);
      expect(rule.fix).not.toBe('');
    }
  });
});
