import { expect, it } from 'vitest';
import { describeMcpApp, type Step } from '@repo/mcp/testing';
import { createApp, ERNIE_ORIGIN } from './app';

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

describeMcpApp(
  'wordbook',
  {
    spec: new URL('../openapi.yaml', import.meta.url),
    // The same draws on both sides, so generate_sentences picks the same words.
    app: () => createApp({ random: () => 0.5, maxWords: 3 }),
    listed: { add_word: {}, delete_word: {}, get_wordbook: {}, generate_sentences: {} },
    script,
    allowedOrigin: ERNIE_ORIGIN,
  },
  (t) => {
    it('returns the finished result of generate_sentences, where REST can stream it', async () => {
      await t.client.callTool({ name: 'add_word', arguments: { word: 'grape' } });
      const result = await t.client.callTool({
        name: 'generate_sentences',
        arguments: { word_number: 1 },
      });
      expect(result).toMatchObject({ structuredContent: { words: [expect.any(String)] } });
      expect(JSON.stringify(result)).toContain('prompt');
    });
  },
);
