import { describeMcpContract, describePluginContract } from '@repo/contract-testing';
import { createApp, ERNIE_ORIGIN } from './app';

describePluginContract('wordbook', {
  createApp: () => createApp(),
  // Add first, so that the book has a word to sample and to delete.
  order: ['add_word', 'get_wordbook', 'generate_sentences', 'delete_word'],
  corsOrigins: [ERNIE_ORIGIN],
});

describeMcpContract('wordbook', { createApp: () => createApp() });
