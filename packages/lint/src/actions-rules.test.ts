import { describe, expect, it } from 'vitest';
import { ACTIONS_SPEC_RULES } from './actions-rules';
import { checkRules } from './rules';

type Json = Record<string, unknown>;
const json = (schema: Json = {}) => ({ 'application/json': { schema } });

/** A spec an Actions builder can import, changed by `change`; and the rules it breaks. */
function broken(change: (spec: Json & { paths: Record<string, Json> }) => void = () => {}) {
  const spec = {
    openapi: '3.0.1',
    info: { title: 'Todos', version: '1' },
    servers: [{ url: 'https://todos.example.com' }],
    paths: {
      '/todos': {
        get: {
          operationId: 'getTodos',
          responses: { '200': { description: 'ok', content: json() } },
        },
        post: {
          operationId: 'addTodo',
          'x-openai-isConsequential': true,
          requestBody: { content: json() },
          responses: { '200': { description: 'ok', content: json() } },
        },
      },
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        key: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
        google: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://accounts.google.com/o/oauth2/auth',
              tokenUrl: 'https://todos.example.com/oauth/token',
              scopes: {},
            },
          },
        },
      },
    },
  };
  change(spec as never);
  const findings = checkRules(ACTIONS_SPEC_RULES, { text: '', document: spec, problems: [] });
  return findings.map((f) => `${f.rule} ${f.path}`);
}
const get = (spec: { paths: Record<string, Json> }) => spec.paths['/todos']!.get as Json;
const post = (spec: { paths: Record<string, Json> }) => spec.paths['/todos']!.post as Json;

describe('GPT Actions rules', () => {
  it('find nothing in an importable spec: https, bearer, header API key, Google OAuth', () => {
    expect(broken()).toEqual([]);
  });

  it('take JSON with parameters or a +json suffix, and a non-consequential POST', () => {
    expect(
      broken((spec) => {
        post(spec).requestBody = { content: { 'application/json; charset=utf-8': {} } };
        post(spec)['x-openai-isConsequential'] = false;
        get(spec).responses = { '200': { content: { 'application/problem+json': {} } } };
      }),
    ).toEqual([]);
  });

  it('refuse https on another port than 443, and plain http', () => {
    expect(
      broken((spec) => void (spec.servers = [{ url: 'https://todos.example.com:8443' }])),
    ).toEqual(['actions/https-server $.servers[0].url']);
    expect(broken((spec) => void (spec.servers = [{ url: 'http://todos.example.com' }]))).toEqual([
      'actions/https-server $.servers[0].url',
    ]);
  });

  it('warn, not fail, on a loopback server: a local check', () => {
    const local = (spec: Json) => {
      spec.servers = [{ url: 'http://localhost:5002' }];
      delete spec.components;
    };
    expect(broken(local)).toEqual(['actions/public-server $.servers[0].url']);
  });

  it('name the exact place of each problem', () => {
    expect(
      broken((spec) => {
        get(spec).parameters = [{ name: 'X-User', in: 'header', schema: { type: 'string' } }];
        get(spec)['x-openai-isConsequential'] = 'yes';
        post(spec).operationId = 'getTodos';
      }),
    ).toEqual([
      "actions/operation-id-unique $.paths['/todos'].post.operationId",
      "actions/custom-header $.paths['/todos'].get.parameters[?(@.name=='X-User')]",
      "actions/is-consequential $.paths['/todos'].get['x-openai-isConsequential']",
    ]);
  });
});
