import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specTools } from '@repo/mcp';
import {
  CLIENTS,
  EXPECTED_REVISION,
  connect,
  expectScriptAgrees,
  listen,
  postToolsList,
  type Step,
  type TestClient,
} from '@repo/mcp/testing';
import { loadSpec } from '@repo/openapi';
import { createApp, ERNIE_ORIGIN } from './app';

const tools = specTools(await loadSpec(new URL('../openapi.yaml', import.meta.url)));
// The same draws on both sides, so generate_sentences picks the same words.
const app = () => createApp({ random: () => 0.5, maxWords: 3 });

const script: Step[] = [
  ['generate_sentences', { word_number: 1 }],
  ['add_word', { word: 'apple' }],
  ['add_word', { word: 'banana' }],
  ['add_word', { word: 'apple' }],
  ['add_word', { word: '苹果' }],
  ['get_wordbook', {}],
  ['generate_sentences', { word_number: 2 }],
  ['generate_sentences', { word_number: 0 }],
  ['delete_word', { word: 'apple' }],
  ['delete_word', { word: 'cherry' }],
  ['add_word', { word: 'cherry' }],
  ['add_word', { word: 'damson' }],
  ['add_word', { word: 'elder' }],
  ['get_wordbook', {}],
];

describe.each(CLIENTS)('wordbook over MCP with the %s client', (kind) => {
  let mcpSide: Awaited<ReturnType<typeof listen>>;
  let restSide: Awaited<ReturnType<typeof listen>>;
  let client: TestClient;
  beforeAll(async () => {
    mcpSide = await listen(await app());
    restSide = await listen(await app());
    client = await connect(kind, `${mcpSide.url}/mcp`);
  });
  afterAll(async () => {
    await client.close();
    await Promise.all([mcpSide.close(), restSide.close()]);
  });

  it('negotiates its revision and lists one tool per operation', async () => {
    expect(client.protocolVersion).toBe(EXPECTED_REVISION[kind]);
    const listed = (await client.listTools()).tools.map((t) => t.name);
    expect(listed).toEqual(['add_word', 'delete_word', 'get_wordbook', 'generate_sentences']);
  });

  it('answers every tool as the REST API answers the same request', async () => {
    await expectScriptAgrees(client, restSide.url, tools, script);
  }, 30_000);

  it('returns the finished result of generate_sentences, where REST can stream it', async () => {
    await client.callTool({ name: 'add_word', arguments: { word: 'grape' } });
    const result = await client.callTool({
      name: 'generate_sentences',
      arguments: { word_number: 1 },
    });
    expect(result).toMatchObject({ structuredContent: { words: [expect.any(String)] } });
    expect(JSON.stringify(result)).toContain('prompt');
  });

  it("accepts ERNIE's origin and refuses others with a 403", async () => {
    const ernie = await postToolsList(`${mcpSide.url}/mcp`, { origin: ERNIE_ORIGIN });
    expect(ernie.status).toBe(200);
    const other = await postToolsList(`${mcpSide.url}/mcp`, { origin: 'https://attacker.example' });
    expect(other.status).toBe(403);
  });
});
