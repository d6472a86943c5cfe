import { describe, expect, it } from 'vitest';
import { ERNIE_MANIFEST_RULES, checkErnieManifest } from './ernie-manifest-rules';

const valid = {
  schema_version: 'v1',
  name_for_human: '单词本',
  name_for_model: 'wordbook2',
  description_for_human: '你的英文单词本。',
  description_for_model: '管理用户的英文单词本。',
  auth: { type: 'none' },
  api: { type: 'openapi', url: 'https://p.example/.well-known/openapi.yaml' },
  logo_url: 'https://p.example/logo.png',
  contact_email: 'support@example.com',
  legal_info_url: 'https://example.com/legal',
  examples: { url: 'https://p.example/.well-known/example.yaml' },
};

const check = (changes: Record<string, unknown>) =>
  checkErnieManifest(JSON.stringify({ ...valid, ...changes }));
const ruleIds = (changes: Record<string, unknown>) => check(changes).map((f) => f.rule);

describe('ERNIE manifest rules', () => {
  it('find nothing in a manifest that keeps them, at each limit exactly', () => {
    expect(check({})).toEqual([]);
    expect(
      check({
        name_for_model: 'a'.repeat(20),
        name_for_human: '词'.repeat(20),
        description_for_model: '词'.repeat(200),
        description_for_human: '词'.repeat(100),
      }),
    ).toEqual([]);
  });

  it.each([
    ['ernie/name-for-model', { name_for_model: 'a'.repeat(21) }],
    ['ernie/name-for-model', { name_for_model: 'word_book' }],
    ['ernie/name-for-model', { name_for_model: 'word book' }],
    ['ernie/name-for-human', { name_for_human: '词'.repeat(21) }],
    ['ernie/description-for-model', { description_for_model: '词'.repeat(201) }],
    ['ernie/description-for-human', { description_for_human: '词'.repeat(101) }],
    ['ernie/examples-url', { examples: undefined }],
    ['ernie/manifest-length', { legal_info_url: `https://example.com/${'x'.repeat(1500)}` }],
  ])('%s fires on %j', (rule, changes) => {
    expect(ruleIds(changes)).toEqual([rule]);
  });

  it('reports the path, severity and fix of each finding', () => {
    expect(check({ name_for_human: '词'.repeat(21) })).toEqual([
      {
        rule: 'ernie/name-for-human',
        severity: 'error',
        path: '$.name_for_human',
        message: '`name_for_human` is 21 characters; ERNIE allows 20',
        fix: 'shorten `name_for_human` to 20 characters',
      },
    ]);
    expect(check({ description_for_model: '词'.repeat(201) })[0]?.severity).toBe('warning');
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    // 20 emoji are 40 UTF-16 units and 80 bytes, but 20 characters.
    expect(check({ name_for_human: '📘'.repeat(20) })).toEqual([]);
  });

  it('gives every rule a unique id, a JSONPath and a fix', () => {
    const ids = ERNIE_MANIFEST_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ERNIE_MANIFEST_RULES) {
      expect(rule.path).toMatch(/^\$/);
      expect(rule.fix).not.toBe('');
    }
  });

  it('throws on text that is not a JSON object', () => {
    expect(() => checkErnieManifest('[1]')).toThrow('must hold a JSON object');
    expect(() => checkErnieManifest('{')).toThrow(SyntaxError);
  });
});
