import type { RouterContext } from '@koa/router';
import { validInput } from '@repo/openapi';
import { streamEvents, wantsEventStream } from '@repo/sse';
import { BOOK_HEADER, bookOf } from './book-of';
import { sampleWords, type Random } from './sample-words';
import { parseWord } from './word';
import type { WordStore } from './word-store';

export interface WordbookHandlerOptions {
  store: WordStore;
  /** Where `generate_sentences` draws its randomness from. */
  random: Random;
  /** The reply instructions `generate_sentences` returns (see prompt.txt). */
  prompt: string;
}

function wordFrom(ctx: RouterContext, value: unknown): string {
  const parsed = parseWord(value);
  if ('problem' in parsed) ctx.throw(400, `\`word\` ${parsed.problem}`, { field: 'word' });
  return parsed.word;
}

/**
 * The handlers of the wordbook operations, for `routeOperations`. Input has been checked against
 * the spec before they run; what the spec cannot say (an English word, 1 or more) is checked here.
 */
export function wordbookHandlers({ store, random, prompt }: WordbookHandlerOptions) {
  return {
    async add_word(ctx: RouterContext) {
      const word = wordFrom(ctx, (validInput(ctx).body as { word: unknown }).word);
      const result = await store.add(bookOf(ctx), word);
      ctx.assert(result !== 'full', 409, 'the wordbook is full: delete a `word` first', {
        field: 'word',
      });
      ctx.assert(result !== 'too-many-books', 409, `no room for a new \`${BOOK_HEADER}\` book`, {
        field: BOOK_HEADER,
      });
      // Adding a word twice is not an error: the book keeps one, and `added` says which happened.
      ctx.body = { word, added: result === 'added' };
    },

    async delete_word(ctx: RouterContext) {
      const word = wordFrom(ctx, validInput(ctx).query.word);
      const removed = await store.remove(bookOf(ctx), word);
      ctx.assert(removed !== undefined, 404, `\`word\` \`${word}\` is not in the wordbook`, {
        field: 'word',
      });
      ctx.body = { word: removed };
    },

    async get_wordbook(ctx: RouterContext) {
      ctx.body = { wordbook: await store.list(bookOf(ctx)) };
    },

    async generate_sentences(ctx: RouterContext) {
      const count = validInput(ctx).query.word_number as number;
      ctx.assert(count >= 1, 400, '`word_number` must be 1 or more', { field: 'word_number' });
      const book = bookOf(ctx);
      const pick = async () => {
        const words = await store.list(book);
        ctx.assert(words.length > 0, 409, 'the wordbook is empty: add a `word` first', {
          field: 'word_number',
        });
        return sampleWords(words, count, random);
      };
      if (!wantsEventStream(ctx)) {
        ctx.body = { words: await pick(), prompt };
        return;
      }
      // Streamed, the headers leave before the book is read, within ERNIE's 2 s; each progress
      // event resets its 3 s read timer; the result is the last event.
      await streamEvents(ctx, async (stream) => {
        await stream.send({ progress: '正在打开单词本' });
        const words = await pick();
        for (const [i, word] of words.entries()) {
          const sent = await stream.send({ progress: `抽到 ${word} (${i + 1}/${words.length})` });
          if (!sent) return;
        }
        await stream.send({ words, prompt });
      });
    },
  };
}
