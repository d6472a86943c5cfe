import Koa from 'koa';
import { load } from 'js-yaml';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSpec, type LoadedSpec } from './load-spec';
import { serveSpec } from './serve-spec';

let spec: LoadedSpec;
beforeAll(async () => {
  spec = await loadSpec(new URL('../test/fixtures/openapi.yaml', import.meta.url));
});

const app = (publicBaseUrl?: string) => {
  const koa = new Koa();
  koa.use(serveSpec({ spec, yamlPath: '/openapi.yaml', publicBaseUrl }));
  return koa.callback();
};

describe('serveSpec', () => {
  it.each(['/openapi.yaml', '/.well-known/openapi.yaml'])(
    'serves the YAML as written at %s, servers[0] on this origin',
    async (path) => {
      const res = await request(app()).get(path).set('Host', 'localhost:5002');
      expect(res.status).toBe(200);
      expect(res.type).toBe('text/yaml');
      expect(res.text).toBe(spec.text.replace('PLUGIN_HOSTNAME', 'http://localhost:5002'));
      expect((load(res.text) as { servers: { url: string }[] }).servers[0]!.url).toBe(
        'http://localhost:5002',
      );
    },
  );

  it('serves the same document as JSON at /openapi.json', async () => {
    const yaml = await request(app()).get('/openapi.yaml').set('Host', 'a.test');
    const json = await request(app()).get('/openapi.json').set('Host', 'a.test');
    expect(json.type).toBe('application/json');
    expect(json.body).toEqual(load(yaml.text));
  });

  it("answers HEAD with the GET's Content-Type and length, and no body", async () => {
    const get = await request(app()).get('/openapi.yaml').set('Host', 'a.test');
    const head = await request(app()).head('/openapi.yaml').set('Host', 'a.test');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/yaml; charset=utf-8');
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(get.text));
    expect(head.text).toBeUndefined();
  });

  it('uses the configured public base URL', async () => {
    const res = await request(app('https://plugin.example.com')).get('/openapi.json');
    expect(res.body.servers[0].url).toBe('https://plugin.example.com');
  });
});
