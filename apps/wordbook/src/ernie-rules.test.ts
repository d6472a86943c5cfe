import { readFileSync } from 'node:fs';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { checkErnieExamples, checkErnieManifest, checkErnieSpec } from '@repo/lint';
import { loadSpec } from '@repo/openapi';
import { createApp } from './app';

// ERNIE's rules, run on this plugin's own files, as written and as served: a change that breaks
// one fails here. The served files carry the public origin in place of PLUGIN_HOSTNAME, so they
// are checked on an origin longer than most.
const file = (name: string) => new URL(`../${name}`, import.meta.url);
const HOST = 'wordbook-plugin.example.com';

async function served(path: string) {
  const app = await createApp();
  return (await request(app.callback()).get(path).set('Host', HOST)).text;
}

describe("the wordbook keeps ERNIE's rules", () => {
  it('in ai-plugin.json', async () => {
    expect(checkErnieManifest(readFileSync(file('ai-plugin.json'), 'utf8'))).toEqual([]);
    expect(checkErnieManifest(await served('/.well-known/ai-plugin.json'))).toEqual([]);
  });

  it('in openapi.yaml', async () => {
    const spec = await loadSpec(file('openapi.yaml'));
    expect(checkErnieSpec(spec)).toEqual([]);
    const text = await served('/.well-known/openapi.yaml');
    expect(text).toContain(`http://${HOST}`);
    expect(checkErnieSpec({ text, document: spec.document })).toEqual([]);
  });

  it('in example.yaml', async () => {
    const spec = await loadSpec(file('openapi.yaml'));
    const text = readFileSync(file('example.yaml'), 'utf8');
    expect(checkErnieExamples(text, spec.document)).toEqual([]);
    expect(await served('/.well-known/example.yaml')).toBe(text);
  });
});
