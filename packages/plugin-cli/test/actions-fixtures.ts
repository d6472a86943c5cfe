import type { Change, Json } from './broken-plugin';

// One broken fixture per GPT Actions rule, on the good plugin (see lint-rules.test.ts).
const add = (spec: Json) => spec.paths['/add_word'].post;
const remove = (spec: Json) => spec.paths['/delete_word'].delete;
const read = (spec: Json) => spec.paths['/get_wordbook'].get;
const FLAG = 'x-openai-isConsequential';

export const ACTIONS_FIXTURES: Record<string, Change> = {
  'actions/https-server': (_, f) => void (f.spec.servers = [{ url: 'http://plugin.example.com' }]),
  'actions/public-server': (_, f) => void (f.spec.servers = [{ url: 'http://127.0.0.1:5002' }]),
  'actions/operation-id-unique': (_, f) => void (read(f.spec).operationId = 'add_word'),
  'actions/operation-id-format': (_, f) => void (add(f.spec).operationId = 'add.word'),
  'actions/auth-scheme': (_, f) =>
    void (f.spec.components = {
      securitySchemes: { key: { type: 'apiKey', in: 'query', name: 'key' } },
    }),
  'actions/oauth-domain': (_, f) =>
    void (f.spec.components = {
      securitySchemes: {
        oauth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://auth.example.net/authorize',
              tokenUrl: 'https://auth.example.net/token',
              scopes: {},
            },
          },
        },
      },
    }),
  'actions/custom-header': (_, f) => void (remove(f.spec).parameters[0].in = 'header'),
  'actions/text-only': (_, f) =>
    void (read(f.spec).responses['200'].content['image/png'] = { schema: {} }),
  'actions/json-body': (_, f) =>
    void (add(f.spec).requestBody.content = { 'text/plain': { schema: { type: 'string' } } }),
  'actions/json-response': (_, f) =>
    void (read(f.spec).responses['200'].content = { 'text/plain': { schema: { type: 'string' } } }),
  'actions/is-consequential': (_, f) => void delete add(f.spec)[FLAG],
  'actions/is-consequential-method': (_, f) => void (read(f.spec)[FLAG] = true),
};
