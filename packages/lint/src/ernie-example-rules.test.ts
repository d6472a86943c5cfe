import { describe, expect, it } from 'vitest';
import { checkErnieExamples, ERNIE_EXAMPLE_RULES } from './ernie-example-rules';
import type { OpenApiDocument } from '@repo/openapi';

const document = {
  openapi: '3.0.1',
  info: { title: 't', version: '1' },
  paths: { '/add': { post: { operationId: 'add_word', responses: {} } } },
} as unknown as OpenApiDocument;

const positive =
  '- context:\n  - {role: user, content: 加入 hello}\n  - {role: bot, plugin: {operationId: add_word}}\n';
const negative = '- context:\n  - {role: user, content: 你好}\n  - {role: bot, plugin: {}}\n';
const rulesHit = (text: string) => checkErnieExamples(text, document).map((f) => f.rule);

describe('ERNIE example rules', () => {
  it('find nothing in examples that keep them', () => {
    expect(checkErnieExamples(`examples:\n${positive}${negative}`, document)).toEqual([]);
  });

  it.each([
    ['ernie/example-length', `examples:\n${positive}${negative}# ${'x'.repeat(300)}\n`],
    ['ernie/example-format', 'examples: []\n'],
    ['ernie/example-format', 'examples:\n- context: [{role: assistant, content: hi}]\n'],
    [
      'ernie/example-operation',
      `examples:\n${positive.replace('add_word', 'remove_word')}${negative}`,
    ],
    ['ernie/example-negative', `examples:\n${positive}`],
  ])('%s fires', (rule, text) => {
    expect(rulesHit(text)).toEqual([rule]);
  });

  it('names the example that calls an unknown operation', () => {
    const findings = checkErnieExamples(
      `examples:\n${negative}${positive.replace('add_word', 'remove_word')}`,
      document,
    );
    expect(findings.map((f) => [f.path, f.message])).toEqual([
      ['$.examples[1]', 'example 1 calls `remove_word`, which is not an operation of the spec'],
    ]);
  });

  it('gives every rule a unique id, a JSONPath and a fix', () => {
    const ids = ERNIE_EXAMPLE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ERNIE_EXAMPLE_RULES) expect(rule.path).toMatch(/^\$/);
  });
});
