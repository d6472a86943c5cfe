import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS_SPEC_RULES,
  ERNIE_EXAMPLE_RULES,
  ERNIE_MANIFEST_RULES,
  ERNIE_SPEC_RULES,
  LOGO_RULES,
  OPENAI_MANIFEST_RULES,
  OPENAI_SPEC_RULES,
  RESPONSE_RULES,
} from '@repo/lint';
import { FETCH_RULES, PARSE_RULES } from './fetch-rules';
import { HOSTS, lintPlugin } from './lint-plugin';
import { pluginSource } from './read-plugin';

import { ACTIONS_FIXTURES } from '../test/actions-fixtures';
import { GOOD, brokenPlugin, type Change, type Json } from '../test/broken-plugin';

const write = (name: string, text: string | Buffer) => (dir: string) =>
  writeFileSync(join(dir, name), text);
const op = (spec: Json) => spec.paths['/add_word'].post;
const param = (spec: Json) => spec.paths['/delete_word'].delete.parameters[0];

// One broken fixture per rule: the change that breaks it, and nothing else on purpose.
const FIXTURES: Record<string, Change> = {
  'fetch/spec': (_, f) => void (f.manifest.api.url = 'PLUGIN_HOSTNAME/missing.yaml'),
  'fetch/logo': (_, f) => void (f.manifest.logo_url = 'PLUGIN_HOSTNAME/missing.png'),
  'fetch/examples': (_, f) =>
    void (f.manifest.examples.url = 'PLUGIN_HOSTNAME/missing-example.yaml'),
  'manifest/valid-json': write('ai-plugin.json', '{"schema_version": '),
  'spec/valid-yaml': write('openapi.yaml', 'openapi: [3.0.1'),
  'manifest/required-fields': (_, f) => void delete f.manifest.contact_email,
  'manifest/schema-version': (_, f) => void (f.manifest.schema_version = 'v2'),
  'openai/name-for-model': (_, f) => void (f.manifest.name_for_model = 'word book'),
  'openai/name-for-human': (_, f) =>
    void (f.manifest.name_for_human = 'A very long plugin name here'),
  'openai/description-for-human': (_, f) =>
    void (f.manifest.description_for_human = 'x'.repeat(101)),
  'openai/description-for-model': (_, f) =>
    void (f.manifest.description_for_model = 'x'.repeat(8001)),
  'manifest/auth': (_, f) =>
    void (f.manifest.auth = { type: 'service_http', authorization_type: 'digest' }),
  'manifest/api': (_, f) => void (f.manifest.api = { type: 'rest', url: f.manifest.api.url }),
  'manifest/absolute-urls': (_, f) => void (f.manifest.logo_url = '/logo.png'),
  'manifest/urls-on-origin': (_, f) =>
    void (f.manifest.api.url = 'https://elsewhere.example/.well-known/openapi.yaml'),
  'manifest/legal-info-url': (_, f) => void (f.manifest.legal_info_url = 'example.com/legal'),
  'manifest/contact-email': (_, f) => void (f.manifest.contact_email = 'support at example.com'),
  'manifest/https': (_, f) => void (f.manifest.legal_info_url = 'http://example.com/legal'),
  'logo/format': write('logo.png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')),
  'logo/size': (dir) =>
    cpSync(
      new URL('../test/fixtures/small-logo.png', import.meta.url).pathname,
      join(dir, 'logo.png'),
    ),
  'spec/valid-openapi': (_, f) => void delete f.spec.info,
  'spec/operation-id': (_, f) => void delete op(f.spec).operationId,
  'openai/operation-description-length': (_, f) => void (op(f.spec).description = 'x'.repeat(301)),
  'openai/parameter-description-length': (_, f) =>
    void (param(f.spec).description = 'x'.repeat(701)),
  'spec/server-on-origin': (_, f) => void (f.spec.servers = [{ url: 'https://elsewhere.example' }]),
  'openai/response-size': (_, f) => void (f.spec.info.description = 'x'.repeat(100_000)),
  'ernie/manifest-length': (_, f) =>
    void (f.manifest.description_for_model = '单'.repeat(190) + 'x'.repeat(1400)),
  'ernie/name-for-model': (_, f) => void (f.manifest.name_for_model = 'word_book'),
  'ernie/name-for-human': (_, f) =>
    void (f.manifest.name_for_human = '一本很长很长很长很长很长很长很长的英文单词本'),
  'ernie/description-for-model': (_, f) =>
    void (f.manifest.description_for_model = '单'.repeat(201)),
  'ernie/description-for-human': (_, f) =>
    void (f.manifest.description_for_human = '单'.repeat(101)),
  'ernie/examples-url': (_, f) => void delete f.manifest.examples,
  'ernie/spec-length': (_, f) => void (f.spec.info.title = 'x'.repeat(1000)),
  'ernie/operation-id-length': (_, f) =>
    void (op(f.spec).operationId = 'add_a_word_to_the_wordbook'),
  'ernie/summary-length': (_, f) => void (op(f.spec).summary = '单'.repeat(51)),
  'ernie/description-length': (_, f) => void (op(f.spec).description = '单'.repeat(151)),
  'ernie/parameter-name-length': (_, f) => void (param(f.spec).name = 'the_word_to_delete_now'),
  'ernie/parameter-description-length': (_, f) =>
    void (param(f.spec).description = '单'.repeat(51)),
  'ernie/parameter-count': (_, f) =>
    void f.spec.paths['/delete_word'].delete.parameters.push(
      ...['a', 'b', 'c', 'd', 'e'].map((name) => ({
        name,
        in: 'query',
        schema: { type: 'string' },
      })),
    ),
  'ernie/parameter-type': (_, f) =>
    void (param(f.spec).schema = { type: 'array', items: { type: 'string' } }),
  'ernie/example-length': write(
    'example.yaml',
    readFileSync(join(GOOD, 'example.yaml'), 'utf8') + `# ${'x'.repeat(300)}\n`,
  ),
  'ernie/example-format': write('example.yaml', 'examples: just words'),
  'ernie/example-operation': write(
    'example.yaml',
    readFileSync(join(GOOD, 'example.yaml'), 'utf8').replace(
      'operationId: generate_sentences',
      'operationId: no_such_op',
    ),
  ),
  ...ACTIONS_FIXTURES,
  'ernie/example-negative': write(
    'example.yaml',
    'examples:\n- context:\n  - {role: user, content: 加入 hello}\n  - {role: bot, plugin: {operationId: add_word}}\n',
  ),
};

const ALL_RULES = [
  ...FETCH_RULES,
  ...PARSE_RULES,
  ...OPENAI_MANIFEST_RULES,
  ...LOGO_RULES,
  ...OPENAI_SPEC_RULES,
  ...RESPONSE_RULES,
  ...ERNIE_MANIFEST_RULES,
  ...ERNIE_SPEC_RULES,
  ...ERNIE_EXAMPLE_RULES,
  ...ACTIONS_SPEC_RULES,
];

describe('ai-plugin lint', () => {
  it('finds nothing wrong with the good fixture, under OpenAI and ERNIE', async () => {
    const report = await lintPlugin(pluginSource(GOOD), ['openai', 'ernie']);
    expect(report.findings).toEqual([]);
    expect(report.logo).toMatchObject({ format: 'png', width: 512, height: 512 });
  });

  it('finds, under every host, only that a GPT cannot reach the folder’s loopback origin', async () => {
    const report = await lintPlugin(pluginSource(GOOD), [...HOSTS]);
    expect(report.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['actions/public-server', 'warning'],
    ]);
  });

  it('has a broken fixture for every rule it knows, so every rule is shown to fire', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(FIXTURES).concat('fetch/manifest').sort()).toEqual([...ids].sort());
  });

  it.each(Object.entries(FIXTURES))('finds %s in its broken fixture', async (id, change) => {
    const dir = brokenPlugin(change);
    try {
      const report = await lintPlugin(pluginSource(dir), [...HOSTS]);
      const finding = report.findings.find((f) => f.rule === id);
      expect(finding, JSON.stringify(report.findings.map((f) => f.rule))).toBeDefined();
      expect(finding!.severity).toBe(ALL_RULES.find((r) => r.id === id)!.severity);
      expect(finding!.path).toMatch(/^\$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds fetch/manifest when nothing answers at the URL', async () => {
    const report = await lintPlugin(pluginSource('http://127.0.0.1:9'), ['openai']);
    expect(report.findings.map((f) => f.rule)).toEqual(['fetch/manifest']);
  });
});
