import request from 'supertest';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from './app';

// What ERNIE needs of the transport, beyond the files' limits (see lint.test.ts).

let api: ReturnType<typeof request>;

beforeEach(async () => {
  api = request((await createApp()).callback());
});

describe("ERNIE's transport rules", () => {
  it('answers every JSON response, errors included, on a single line', async () => {
    const responses = await Promise.all([
      api.get('/.well-known/ai-plugin.json'),
      api.post('/add_word').send({ word: 'apple' }),
      api.post('/add_word').send({ word: '' }),
      api.get('/get_wordbook'),
      api.get('/generate_sentences').query({ word_number: 1 }),
      api.delete('/delete_word').query({ word: 'nothing' }),
      api.get('/no/such/route'),
    ]);
    for (const res of responses) {
      expect(res.type).toBe('application/json');
      expect(res.text).not.toMatch(/[\r\n]/);
      expect(res.text).not.toMatch(/"status"|"code"/);
    }
  });

  it('serves example.yaml at the URL the manifest names and at /.well-known/example.yaml', async () => {
    const manifest = (await api.get('/.well-known/ai-plugin.json').set('Host', 'p.test')).body;
    const named = await api.get(new URL(manifest.examples.url).pathname);
    const wellKnown = await api.get('/.well-known/example.yaml');
    expect(named.status).toBe(200);
    expect(named.type).toBe('text/yaml');
    expect(wellKnown.text).toBe(named.text);
    expect(named.text).toMatch(/operationId: generate_sentences/);
  });

  it('serves the spec at /.well-known/openapi.yaml, where ERNIE fetches it', async () => {
    const res = await api.get('/.well-known/openapi.yaml');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/^openapi: 3\.0\.1/);
  });
});
